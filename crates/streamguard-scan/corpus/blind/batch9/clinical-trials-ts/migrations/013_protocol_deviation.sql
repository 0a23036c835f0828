-- protocol_deviation
CREATE TABLE IF NOT EXISTS protocol_deviations (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
