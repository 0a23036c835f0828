-- consignee_history
CREATE TABLE IF NOT EXISTS consignee_historys (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
