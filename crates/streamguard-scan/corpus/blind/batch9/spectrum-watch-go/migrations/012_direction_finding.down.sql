DROP TABLE IF EXISTS direction_findings;
