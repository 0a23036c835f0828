-- claim_history
CREATE TABLE IF NOT EXISTS claim_historys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL
);
