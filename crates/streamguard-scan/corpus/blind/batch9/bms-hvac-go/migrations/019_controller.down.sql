DROP TABLE IF EXISTS controllers;
