-- concomitant_med
CREATE TABLE IF NOT EXISTS concomitant_meds (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
