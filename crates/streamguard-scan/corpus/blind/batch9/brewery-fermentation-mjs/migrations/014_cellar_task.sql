-- cellar_task
CREATE TABLE IF NOT EXISTS cellar_tasks (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL
);
