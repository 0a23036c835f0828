-- calendar
CREATE TABLE IF NOT EXISTS calendars (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL
);
