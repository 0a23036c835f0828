-- tenant
CREATE TABLE IF NOT EXISTS tenants (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
