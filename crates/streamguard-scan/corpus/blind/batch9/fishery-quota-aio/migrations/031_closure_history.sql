-- closure_history
CREATE TABLE IF NOT EXISTS closure_historys (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
