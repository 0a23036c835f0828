-- forecast_history
CREATE TABLE IF NOT EXISTS forecast_historys (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL
);
