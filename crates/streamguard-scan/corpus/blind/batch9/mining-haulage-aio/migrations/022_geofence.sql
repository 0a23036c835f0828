-- geofence
CREATE TABLE IF NOT EXISTS geofences (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL
);
