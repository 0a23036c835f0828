-- ruling
CREATE TABLE IF NOT EXISTS rulings (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL
);
