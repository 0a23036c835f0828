-- claim
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL
);
