-- invoice
CREATE TABLE IF NOT EXISTS invoices (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
