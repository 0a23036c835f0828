-- shape
CREATE TABLE IF NOT EXISTS shapes (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    kind TEXT NOT NULL
);
