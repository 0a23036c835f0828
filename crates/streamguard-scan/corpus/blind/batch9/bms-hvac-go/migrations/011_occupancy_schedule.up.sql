-- occupancy_schedule
CREATE TABLE IF NOT EXISTS occupancy_schedules (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL
);
