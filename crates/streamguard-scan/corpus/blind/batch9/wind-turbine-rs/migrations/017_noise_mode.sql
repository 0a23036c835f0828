-- noise_mode
CREATE TABLE IF NOT EXISTS noise_modes (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
