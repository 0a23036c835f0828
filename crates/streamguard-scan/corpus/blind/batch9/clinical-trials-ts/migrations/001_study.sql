-- study
CREATE TABLE IF NOT EXISTS studys (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    revision BIGINT NOT NULL
);
