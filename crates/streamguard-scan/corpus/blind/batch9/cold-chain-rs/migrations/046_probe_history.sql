-- probe_history
CREATE TABLE IF NOT EXISTS probe_historys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL
);
