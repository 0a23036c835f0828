-- demand_limit
CREATE TABLE IF NOT EXISTS demand_limits (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL
);
