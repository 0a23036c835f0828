DROP TABLE IF EXISTS season_passs;
