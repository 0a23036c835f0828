DROP TABLE IF EXISTS valley_screens;
