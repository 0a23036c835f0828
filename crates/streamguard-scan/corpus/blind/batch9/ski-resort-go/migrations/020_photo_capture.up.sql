-- photo_capture
CREATE TABLE IF NOT EXISTS photo_captures (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
