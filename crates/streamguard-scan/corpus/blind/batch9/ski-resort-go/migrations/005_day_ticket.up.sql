-- day_ticket
CREATE TABLE IF NOT EXISTS day_tickets (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
