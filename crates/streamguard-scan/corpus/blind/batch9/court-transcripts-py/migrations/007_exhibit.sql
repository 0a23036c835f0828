-- exhibit
CREATE TABLE IF NOT EXISTS exhibits (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL
);
