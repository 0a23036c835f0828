-- crusher
CREATE TABLE IF NOT EXISTS crushers (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
