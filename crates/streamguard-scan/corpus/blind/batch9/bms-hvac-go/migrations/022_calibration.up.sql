-- calibration
CREATE TABLE IF NOT EXISTS calibrations (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL
);
