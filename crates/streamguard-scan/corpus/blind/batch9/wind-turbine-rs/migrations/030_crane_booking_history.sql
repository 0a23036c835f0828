-- crane_booking_history
CREATE TABLE IF NOT EXISTS crane_booking_historys (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
