-- bay_plan_history
CREATE TABLE IF NOT EXISTS bay_plan_historys (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL
);
