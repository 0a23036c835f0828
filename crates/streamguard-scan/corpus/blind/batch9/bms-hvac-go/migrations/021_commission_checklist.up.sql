-- commission_checklist
CREATE TABLE IF NOT EXISTS commission_checklists (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL
);
