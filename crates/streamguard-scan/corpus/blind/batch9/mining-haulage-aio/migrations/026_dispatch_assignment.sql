-- dispatch_assignment
CREATE TABLE IF NOT EXISTS dispatch_assignments (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL
);
