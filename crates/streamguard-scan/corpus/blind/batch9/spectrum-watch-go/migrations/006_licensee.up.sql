-- licensee
CREATE TABLE IF NOT EXISTS licensees (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL
);
