-- gate
CREATE TABLE IF NOT EXISTS gates (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL
);
