-- bench
CREATE TABLE IF NOT EXISTS benchs (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    status TEXT NOT NULL
);
