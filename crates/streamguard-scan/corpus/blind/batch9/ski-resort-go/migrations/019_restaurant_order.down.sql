DROP TABLE IF EXISTS restaurant_orders;
