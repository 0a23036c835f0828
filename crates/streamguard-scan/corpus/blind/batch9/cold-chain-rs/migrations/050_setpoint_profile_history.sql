-- setpoint_profile_history
CREATE TABLE IF NOT EXISTS setpoint_profile_historys (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL
);
