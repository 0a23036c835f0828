-- draft_history
CREATE TABLE IF NOT EXISTS draft_historys (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL
);
