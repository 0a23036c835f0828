-- chiller
CREATE TABLE IF NOT EXISTS chillers (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL
);
