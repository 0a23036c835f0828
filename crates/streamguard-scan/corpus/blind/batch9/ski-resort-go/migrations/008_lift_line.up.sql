-- lift_line
CREATE TABLE IF NOT EXISTS lift_lines (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL
);
