DROP TABLE IF EXISTS thermostats;
