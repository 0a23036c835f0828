-- ride
CREATE TABLE IF NOT EXISTS rides (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL
);
