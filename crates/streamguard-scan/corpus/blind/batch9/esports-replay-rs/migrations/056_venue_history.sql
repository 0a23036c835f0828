-- venue_history
CREATE TABLE IF NOT EXISTS venue_historys (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL
);
