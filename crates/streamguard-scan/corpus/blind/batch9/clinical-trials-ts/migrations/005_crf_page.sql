-- crf_page
CREATE TABLE IF NOT EXISTS crf_pages (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
