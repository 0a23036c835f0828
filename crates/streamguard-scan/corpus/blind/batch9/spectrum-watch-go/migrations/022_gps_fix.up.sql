-- gps_fix
CREATE TABLE IF NOT EXISTS gps_fixs (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
