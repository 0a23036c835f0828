-- vital_signs
CREATE TABLE IF NOT EXISTS vital_signss (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
