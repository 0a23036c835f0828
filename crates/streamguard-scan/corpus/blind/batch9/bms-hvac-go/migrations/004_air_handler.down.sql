DROP TABLE IF EXISTS air_handlers;
