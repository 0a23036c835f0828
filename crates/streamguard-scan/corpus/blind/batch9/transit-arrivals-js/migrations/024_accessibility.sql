-- accessibility
CREATE TABLE IF NOT EXISTS accessibilitys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
