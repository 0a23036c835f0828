-- season_pass
CREATE TABLE IF NOT EXISTS season_passs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
