-- frequency
CREATE TABLE IF NOT EXISTS frequencys (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL
);
