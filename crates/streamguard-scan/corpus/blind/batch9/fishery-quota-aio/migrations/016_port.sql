-- port
CREATE TABLE IF NOT EXISTS ports (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL
);
