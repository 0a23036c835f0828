-- technical_issue
CREATE TABLE IF NOT EXISTS technical_issues (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
