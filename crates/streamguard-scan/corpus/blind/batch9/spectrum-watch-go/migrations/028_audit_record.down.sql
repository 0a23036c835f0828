DROP TABLE IF EXISTS audit_records;
