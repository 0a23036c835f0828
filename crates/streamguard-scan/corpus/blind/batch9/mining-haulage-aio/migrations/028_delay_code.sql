-- delay_code
CREATE TABLE IF NOT EXISTS delay_codes (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL
);
