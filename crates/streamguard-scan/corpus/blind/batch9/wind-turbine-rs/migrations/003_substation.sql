-- substation
CREATE TABLE IF NOT EXISTS substations (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL
);
