-- buyer
CREATE TABLE IF NOT EXISTS buyers (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    tags TEXT[] NOT NULL
);
