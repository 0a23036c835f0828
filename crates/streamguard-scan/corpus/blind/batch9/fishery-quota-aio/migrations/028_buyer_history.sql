-- buyer_history
CREATE TABLE IF NOT EXISTS buyer_historys (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL
);
