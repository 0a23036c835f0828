-- jury_panel
CREATE TABLE IF NOT EXISTS jury_panels (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL
);
