DROP TABLE IF EXISTS calibration_runs;
