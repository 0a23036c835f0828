-- bycatch_history
CREATE TABLE IF NOT EXISTS bycatch_historys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
