DROP TABLE IF EXISTS setpoint_overrides;
