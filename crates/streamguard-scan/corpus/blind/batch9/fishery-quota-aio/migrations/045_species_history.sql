-- species_history
CREATE TABLE IF NOT EXISTS species_historys (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL
);
