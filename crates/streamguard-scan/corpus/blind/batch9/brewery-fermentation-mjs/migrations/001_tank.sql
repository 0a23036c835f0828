-- tank
CREATE TABLE IF NOT EXISTS tanks (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL
);
