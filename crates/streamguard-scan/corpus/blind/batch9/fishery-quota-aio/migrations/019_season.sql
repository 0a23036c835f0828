-- season
CREATE TABLE IF NOT EXISTS seasons (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
