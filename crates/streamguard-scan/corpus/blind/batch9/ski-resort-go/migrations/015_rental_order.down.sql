DROP TABLE IF EXISTS rental_orders;
