-- port_call_history
CREATE TABLE IF NOT EXISTS port_call_historys (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
