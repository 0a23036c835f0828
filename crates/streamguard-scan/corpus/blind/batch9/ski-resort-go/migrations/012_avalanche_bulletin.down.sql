DROP TABLE IF EXISTS avalanche_bulletins;
