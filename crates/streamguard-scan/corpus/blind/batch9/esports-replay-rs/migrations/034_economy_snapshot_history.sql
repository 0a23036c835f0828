-- economy_snapshot_history
CREATE TABLE IF NOT EXISTS economy_snapshot_historys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL
);
