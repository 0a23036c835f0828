-- work_permit
CREATE TABLE IF NOT EXISTS work_permits (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
