-- continuance
CREATE TABLE IF NOT EXISTS continuances (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL
);
