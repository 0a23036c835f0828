-- instructor
CREATE TABLE IF NOT EXISTS instructors (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL
);
