-- work_permit_history
CREATE TABLE IF NOT EXISTS work_permit_historys (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL
);
