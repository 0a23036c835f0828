-- container
CREATE TABLE IF NOT EXISTS containers (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
