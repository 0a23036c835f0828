-- tac_history
CREATE TABLE IF NOT EXISTS tac_historys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL
);
