-- glycol_loop
CREATE TABLE IF NOT EXISTS glycol_loops (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
