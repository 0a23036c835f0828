-- sales_note
CREATE TABLE IF NOT EXISTS sales_notes (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL
);
