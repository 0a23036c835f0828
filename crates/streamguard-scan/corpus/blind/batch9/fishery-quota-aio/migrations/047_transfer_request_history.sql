-- transfer_request_history
CREATE TABLE IF NOT EXISTS transfer_request_historys (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL
);
