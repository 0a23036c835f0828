-- technical_issue_history
CREATE TABLE IF NOT EXISTS technical_issue_historys (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    site_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
