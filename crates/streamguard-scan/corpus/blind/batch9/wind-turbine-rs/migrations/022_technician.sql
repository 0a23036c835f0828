-- technician
CREATE TABLE IF NOT EXISTS technicians (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
