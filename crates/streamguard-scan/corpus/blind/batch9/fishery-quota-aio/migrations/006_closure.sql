-- closure
CREATE TABLE IF NOT EXISTS closures (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL
);
