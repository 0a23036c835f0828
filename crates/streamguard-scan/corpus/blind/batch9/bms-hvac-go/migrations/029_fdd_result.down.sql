DROP TABLE IF EXISTS fdd_results;
