-- caster
CREATE TABLE IF NOT EXISTS casters (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL
);
