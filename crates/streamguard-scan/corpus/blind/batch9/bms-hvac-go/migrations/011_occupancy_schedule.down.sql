DROP TABLE IF EXISTS occupancy_schedules;
