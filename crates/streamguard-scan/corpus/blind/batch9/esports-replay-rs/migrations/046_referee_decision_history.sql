-- referee_decision_history
CREATE TABLE IF NOT EXISTS referee_decision_historys (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
