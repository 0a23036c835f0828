-- randomization
CREATE TABLE IF NOT EXISTS randomizations (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
