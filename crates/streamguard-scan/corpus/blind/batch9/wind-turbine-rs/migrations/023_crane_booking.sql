-- crane_booking
CREATE TABLE IF NOT EXISTS crane_bookings (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL
);
