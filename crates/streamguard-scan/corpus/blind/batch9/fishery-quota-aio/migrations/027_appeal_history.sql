-- appeal_history
CREATE TABLE IF NOT EXISTS appeal_historys (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
