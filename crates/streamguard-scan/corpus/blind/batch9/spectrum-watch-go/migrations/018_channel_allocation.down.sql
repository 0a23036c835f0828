DROP TABLE IF EXISTS channel_allocations;
