-- occupancy_report
CREATE TABLE IF NOT EXISTS occupancy_reports (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL
);
