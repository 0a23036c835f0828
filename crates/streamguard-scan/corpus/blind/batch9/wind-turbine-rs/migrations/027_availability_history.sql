-- availability_history
CREATE TABLE IF NOT EXISTS availability_historys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
