-- icing_event_history
CREATE TABLE IF NOT EXISTS icing_event_historys (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL
);
