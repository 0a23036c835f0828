-- patch_version
CREATE TABLE IF NOT EXISTS patch_versions (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL
);
