-- temperature_excursion_history
CREATE TABLE IF NOT EXISTS temperature_excursion_historys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL
);
