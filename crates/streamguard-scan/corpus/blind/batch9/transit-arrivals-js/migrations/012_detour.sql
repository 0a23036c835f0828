-- detour
CREATE TABLE IF NOT EXISTS detours (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL
);
