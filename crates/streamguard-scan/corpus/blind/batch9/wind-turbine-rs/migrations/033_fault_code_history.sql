-- fault_code_history
CREATE TABLE IF NOT EXISTS fault_code_historys (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL
);
