-- floor
CREATE TABLE IF NOT EXISTS floors (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL
);
