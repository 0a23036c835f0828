-- interference_report
CREATE TABLE IF NOT EXISTS interference_reports (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
