-- notice
CREATE TABLE IF NOT EXISTS notices (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL
);
