DROP TABLE IF EXISTS snow_reports;
