-- sensor_calibration_history
CREATE TABLE IF NOT EXISTS sensor_calibration_historys (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL
);
