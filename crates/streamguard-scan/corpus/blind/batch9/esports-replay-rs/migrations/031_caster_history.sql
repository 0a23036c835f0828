-- caster_history
CREATE TABLE IF NOT EXISTS caster_historys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
