DROP TABLE IF EXISTS lift_inspections;
