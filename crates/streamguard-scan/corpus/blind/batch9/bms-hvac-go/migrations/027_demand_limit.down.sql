DROP TABLE IF EXISTS demand_limits;
