-- keg
CREATE TABLE IF NOT EXISTS kegs (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL
);
