-- holiday_calendar
CREATE TABLE IF NOT EXISTS holiday_calendars (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL
);
