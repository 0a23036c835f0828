-- minute_entry
CREATE TABLE IF NOT EXISTS minute_entrys (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
