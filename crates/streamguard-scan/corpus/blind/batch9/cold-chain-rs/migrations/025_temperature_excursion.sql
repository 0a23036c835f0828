-- temperature_excursion
CREATE TABLE IF NOT EXISTS temperature_excursions (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL
);
