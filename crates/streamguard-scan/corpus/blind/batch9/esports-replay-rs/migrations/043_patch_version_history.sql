-- patch_version_history
CREATE TABLE IF NOT EXISTS patch_version_historys (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL
);
