-- sensory_panel
CREATE TABLE IF NOT EXISTS sensory_panels (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL
);
