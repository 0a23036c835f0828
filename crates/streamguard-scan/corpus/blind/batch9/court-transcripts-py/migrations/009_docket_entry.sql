-- docket_entry
CREATE TABLE IF NOT EXISTS docket_entrys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL
);
