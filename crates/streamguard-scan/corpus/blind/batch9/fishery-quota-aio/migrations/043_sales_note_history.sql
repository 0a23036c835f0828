-- sales_note_history
CREATE TABLE IF NOT EXISTS sales_note_historys (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL
);
