-- landing
CREATE TABLE IF NOT EXISTS landings (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL
);
