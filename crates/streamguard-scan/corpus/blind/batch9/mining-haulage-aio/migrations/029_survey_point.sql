-- survey_point
CREATE TABLE IF NOT EXISTS survey_points (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
