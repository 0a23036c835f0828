-- draft
CREATE TABLE IF NOT EXISTS drafts (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
