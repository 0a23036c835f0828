-- sponsor_overlay_history
CREATE TABLE IF NOT EXISTS sponsor_overlay_historys (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL
);
