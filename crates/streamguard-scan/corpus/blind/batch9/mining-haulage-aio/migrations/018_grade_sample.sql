-- grade_sample
CREATE TABLE IF NOT EXISTS grade_samples (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
