DROP TABLE IF EXISTS frequency_assignments;
