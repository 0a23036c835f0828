-- partner_history
CREATE TABLE IF NOT EXISTS partner_historys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
