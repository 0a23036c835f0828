-- medical_history
CREATE TABLE IF NOT EXISTS medical_historys (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    owner TEXT NOT NULL
);
