-- holiday
CREATE TABLE IF NOT EXISTS holidays (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL
);
