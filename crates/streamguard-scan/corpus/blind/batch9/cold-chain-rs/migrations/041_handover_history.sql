-- handover_history
CREATE TABLE IF NOT EXISTS handover_historys (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
