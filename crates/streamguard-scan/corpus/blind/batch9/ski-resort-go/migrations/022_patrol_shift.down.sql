DROP TABLE IF EXISTS patrol_shifts;
