-- certification
CREATE TABLE IF NOT EXISTS certifications (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL
);
