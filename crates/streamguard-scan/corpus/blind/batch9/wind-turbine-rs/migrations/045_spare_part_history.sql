-- spare_part_history
CREATE TABLE IF NOT EXISTS spare_part_historys (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    kind TEXT NOT NULL
);
