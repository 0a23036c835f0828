DROP TABLE IF EXISTS enforcement_cases;
