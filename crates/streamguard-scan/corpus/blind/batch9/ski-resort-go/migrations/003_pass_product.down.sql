DROP TABLE IF EXISTS pass_products;
