-- haul_truck
CREATE TABLE IF NOT EXISTS haul_trucks (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL
);
