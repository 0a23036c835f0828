-- gear_history
CREATE TABLE IF NOT EXISTS gear_historys (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL
);
