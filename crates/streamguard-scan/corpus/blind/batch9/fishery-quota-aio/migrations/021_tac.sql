-- tac
CREATE TABLE IF NOT EXISTS tacs (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL
);
