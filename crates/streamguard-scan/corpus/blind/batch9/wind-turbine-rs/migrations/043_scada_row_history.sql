-- scada_row_history
CREATE TABLE IF NOT EXISTS scada_row_historys (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL
);
