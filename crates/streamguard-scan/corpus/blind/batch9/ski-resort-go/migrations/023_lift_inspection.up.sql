-- lift_inspection
CREATE TABLE IF NOT EXISTS lift_inspections (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
