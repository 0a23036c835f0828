-- antenna
CREATE TABLE IF NOT EXISTS antennas (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    status TEXT NOT NULL
);
