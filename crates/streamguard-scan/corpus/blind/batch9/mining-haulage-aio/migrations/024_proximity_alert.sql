-- proximity_alert
CREATE TABLE IF NOT EXISTS proximity_alerts (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL
);
