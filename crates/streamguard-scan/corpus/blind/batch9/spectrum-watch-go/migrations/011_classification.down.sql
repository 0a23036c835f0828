DROP TABLE IF EXISTS classifications;
