-- noise_mode_history
CREATE TABLE IF NOT EXISTS noise_mode_historys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL
);
