-- air_handler
CREATE TABLE IF NOT EXISTS air_handlers (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL
);
