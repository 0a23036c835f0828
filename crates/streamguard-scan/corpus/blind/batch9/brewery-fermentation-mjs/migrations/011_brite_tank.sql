-- brite_tank
CREATE TABLE IF NOT EXISTS brite_tanks (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL
);
