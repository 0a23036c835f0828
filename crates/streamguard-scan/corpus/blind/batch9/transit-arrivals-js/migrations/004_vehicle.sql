-- vehicle
CREATE TABLE IF NOT EXISTS vehicles (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL
);
