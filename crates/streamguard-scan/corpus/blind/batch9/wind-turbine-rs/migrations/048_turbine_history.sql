-- turbine_history
CREATE TABLE IF NOT EXISTS turbine_historys (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
