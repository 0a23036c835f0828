-- patrol_shift
CREATE TABLE IF NOT EXISTS patrol_shifts (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL
);
