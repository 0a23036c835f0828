DROP TABLE IF EXISTS calibrations;
