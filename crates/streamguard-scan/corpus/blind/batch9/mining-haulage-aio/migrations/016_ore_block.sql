-- ore_block
CREATE TABLE IF NOT EXISTS ore_blocks (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL
);
