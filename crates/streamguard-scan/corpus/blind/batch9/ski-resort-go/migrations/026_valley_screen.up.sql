-- valley_screen
CREATE TABLE IF NOT EXISTS valley_screens (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL
);
