-- cip_cycle
CREATE TABLE IF NOT EXISTS cip_cycles (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
