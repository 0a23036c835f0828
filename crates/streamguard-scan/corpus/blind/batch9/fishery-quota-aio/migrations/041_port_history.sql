-- port_history
CREATE TABLE IF NOT EXISTS port_historys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
