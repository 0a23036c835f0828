-- booking_history
CREATE TABLE IF NOT EXISTS booking_historys (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL
);
