-- anti_cheat_flag
CREATE TABLE IF NOT EXISTS anti_cheat_flags (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL
);
