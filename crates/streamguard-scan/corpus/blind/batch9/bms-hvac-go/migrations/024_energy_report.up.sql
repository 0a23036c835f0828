-- energy_report
CREATE TABLE IF NOT EXISTS energy_reports (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
