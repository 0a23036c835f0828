-- bay_plan
CREATE TABLE IF NOT EXISTS bay_plans (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
