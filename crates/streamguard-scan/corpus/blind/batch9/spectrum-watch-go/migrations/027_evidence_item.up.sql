-- evidence_item
CREATE TABLE IF NOT EXISTS evidence_items (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL
);
