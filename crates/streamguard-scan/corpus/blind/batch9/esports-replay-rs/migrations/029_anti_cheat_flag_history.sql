-- anti_cheat_flag_history
CREATE TABLE IF NOT EXISTS anti_cheat_flag_historys (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
