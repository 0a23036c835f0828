-- light_vehicle
CREATE TABLE IF NOT EXISTS light_vehicles (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    note TEXT NOT NULL,
    revision BIGINT NOT NULL
);
