-- pti_record
CREATE TABLE IF NOT EXISTS pti_records (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL
);
