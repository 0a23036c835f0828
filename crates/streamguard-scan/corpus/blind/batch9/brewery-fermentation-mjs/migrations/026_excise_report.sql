-- excise_report
CREATE TABLE IF NOT EXISTS excise_reports (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL
);
