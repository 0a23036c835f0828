-- availability
CREATE TABLE IF NOT EXISTS availabilitys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL
);
