-- logbook_history
CREATE TABLE IF NOT EXISTS logbook_historys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL
);
