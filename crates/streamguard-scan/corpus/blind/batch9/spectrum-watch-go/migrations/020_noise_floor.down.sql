DROP TABLE IF EXISTS noise_floors;
