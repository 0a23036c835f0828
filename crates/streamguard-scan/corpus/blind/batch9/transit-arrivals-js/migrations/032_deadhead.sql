-- deadhead
CREATE TABLE IF NOT EXISTS deadheads (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL
);
