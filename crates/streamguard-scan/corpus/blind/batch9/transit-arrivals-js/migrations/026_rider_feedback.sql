-- rider_feedback
CREATE TABLE IF NOT EXISTS rider_feedbacks (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL
);
