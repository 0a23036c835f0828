-- steno_dictionary
CREATE TABLE IF NOT EXISTS steno_dictionarys (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL
);
