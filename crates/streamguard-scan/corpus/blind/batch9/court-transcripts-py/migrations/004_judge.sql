-- judge
CREATE TABLE IF NOT EXISTS judges (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL
);
