-- logbook
CREATE TABLE IF NOT EXISTS logbooks (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    kind TEXT NOT NULL
);
