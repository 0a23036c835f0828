DROP TABLE IF EXISTS day_tickets;
