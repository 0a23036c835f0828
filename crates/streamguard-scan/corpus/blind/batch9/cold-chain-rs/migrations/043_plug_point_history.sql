-- plug_point_history
CREATE TABLE IF NOT EXISTS plug_point_historys (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
