-- booking
CREATE TABLE IF NOT EXISTS bookings (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL
);
