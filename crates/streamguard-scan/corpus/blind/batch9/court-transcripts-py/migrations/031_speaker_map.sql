-- speaker_map
CREATE TABLE IF NOT EXISTS speaker_maps (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL
);
