-- channel_allocation
CREATE TABLE IF NOT EXISTS channel_allocations (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
