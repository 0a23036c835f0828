-- odds_partner
CREATE TABLE IF NOT EXISTS odds_partners (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    status TEXT NOT NULL
);
