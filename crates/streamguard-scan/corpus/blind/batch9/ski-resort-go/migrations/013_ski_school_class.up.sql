-- ski_school_class
CREATE TABLE IF NOT EXISTS ski_school_classs (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
