-- sensor_calibration
CREATE TABLE IF NOT EXISTS sensor_calibrations (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL
);
