-- vms_ping
CREATE TABLE IF NOT EXISTS vms_pings (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL
);
