DROP TABLE IF EXISTS instructors;
