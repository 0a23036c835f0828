-- hearing
CREATE TABLE IF NOT EXISTS hearings (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL
);
