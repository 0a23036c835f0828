-- sdv_record
CREATE TABLE IF NOT EXISTS sdv_records (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL
);
