-- bay
CREATE TABLE IF NOT EXISTS bays (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
