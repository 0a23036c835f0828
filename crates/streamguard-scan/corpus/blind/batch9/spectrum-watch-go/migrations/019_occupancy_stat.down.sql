DROP TABLE IF EXISTS occupancy_stats;
