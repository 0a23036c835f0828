DROP TABLE IF EXISTS site_visits;
