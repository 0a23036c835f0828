-- can_line
CREATE TABLE IF NOT EXISTS can_lines (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
