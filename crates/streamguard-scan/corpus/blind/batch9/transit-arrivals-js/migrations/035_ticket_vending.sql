-- ticket_vending
CREATE TABLE IF NOT EXISTS ticket_vendings (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL
);
