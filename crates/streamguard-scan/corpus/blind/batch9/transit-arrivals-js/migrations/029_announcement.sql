-- announcement
CREATE TABLE IF NOT EXISTS announcements (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL
);
