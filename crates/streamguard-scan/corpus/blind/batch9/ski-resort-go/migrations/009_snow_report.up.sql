-- snow_report
CREATE TABLE IF NOT EXISTS snow_reports (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
