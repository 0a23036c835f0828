DROP TABLE IF EXISTS interference_reports;
