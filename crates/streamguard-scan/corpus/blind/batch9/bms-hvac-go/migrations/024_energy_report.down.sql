DROP TABLE IF EXISTS energy_reports;
