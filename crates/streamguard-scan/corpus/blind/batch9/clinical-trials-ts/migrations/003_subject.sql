-- subject
CREATE TABLE IF NOT EXISTS subjects (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL
);
