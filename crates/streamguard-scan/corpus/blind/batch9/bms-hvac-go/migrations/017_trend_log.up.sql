-- trend_log
CREATE TABLE IF NOT EXISTS trend_logs (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL
);
