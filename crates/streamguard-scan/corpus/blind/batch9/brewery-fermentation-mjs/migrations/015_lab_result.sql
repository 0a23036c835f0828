-- lab_result
CREATE TABLE IF NOT EXISTS lab_results (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL
);
