-- visit_schedule
CREATE TABLE IF NOT EXISTS visit_schedules (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL
);
