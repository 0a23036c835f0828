DROP TABLE IF EXISTS groomer_runs;
