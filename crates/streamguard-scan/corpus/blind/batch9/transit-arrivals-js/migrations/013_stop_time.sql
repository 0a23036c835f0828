-- stop_time
CREATE TABLE IF NOT EXISTS stop_times (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
