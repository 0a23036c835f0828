-- juror
CREATE TABLE IF NOT EXISTS jurors (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL
);
