DROP TABLE IF EXISTS skier_profiles;
