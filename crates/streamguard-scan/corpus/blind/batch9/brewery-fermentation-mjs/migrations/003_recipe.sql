-- recipe
CREATE TABLE IF NOT EXISTS recipes (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL
);
