-- blade_inspection_history
CREATE TABLE IF NOT EXISTS blade_inspection_historys (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL
);
