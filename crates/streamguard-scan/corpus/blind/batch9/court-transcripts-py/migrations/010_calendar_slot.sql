-- calendar_slot
CREATE TABLE IF NOT EXISTS calendar_slots (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL
);
