-- pti_record_history
CREATE TABLE IF NOT EXISTS pti_record_historys (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL
);
