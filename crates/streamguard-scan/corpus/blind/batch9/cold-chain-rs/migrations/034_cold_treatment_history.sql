-- cold_treatment_history
CREATE TABLE IF NOT EXISTS cold_treatment_historys (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL
);
