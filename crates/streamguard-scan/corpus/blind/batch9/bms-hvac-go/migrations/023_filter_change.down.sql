DROP TABLE IF EXISTS filter_changes;
