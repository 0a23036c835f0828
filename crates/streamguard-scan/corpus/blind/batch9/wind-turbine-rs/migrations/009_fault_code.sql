-- fault_code
CREATE TABLE IF NOT EXISTS fault_codes (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL
);
