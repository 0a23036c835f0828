-- lab_panel
CREATE TABLE IF NOT EXISTS lab_panels (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL
);
