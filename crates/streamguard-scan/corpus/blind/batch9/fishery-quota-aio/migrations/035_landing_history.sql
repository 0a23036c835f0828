-- landing_history
CREATE TABLE IF NOT EXISTS landing_historys (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL
);
