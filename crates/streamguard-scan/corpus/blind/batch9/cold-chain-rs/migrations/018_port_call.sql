-- port_call
CREATE TABLE IF NOT EXISTS port_calls (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
