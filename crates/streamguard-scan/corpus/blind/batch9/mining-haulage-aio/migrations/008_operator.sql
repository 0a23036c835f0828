-- operator
CREATE TABLE IF NOT EXISTS operators (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    label TEXT NOT NULL
);
