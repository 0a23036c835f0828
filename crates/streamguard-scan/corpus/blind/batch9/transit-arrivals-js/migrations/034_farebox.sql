-- farebox
CREATE TABLE IF NOT EXISTS fareboxs (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    site_id TEXT NOT NULL
);
