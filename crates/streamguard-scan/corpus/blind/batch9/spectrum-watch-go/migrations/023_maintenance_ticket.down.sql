DROP TABLE IF EXISTS maintenance_tickets;
