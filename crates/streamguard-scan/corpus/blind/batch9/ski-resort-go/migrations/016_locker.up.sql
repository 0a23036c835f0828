-- locker
CREATE TABLE IF NOT EXISTS lockers (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL
);
