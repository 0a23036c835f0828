DROP TABLE IF EXISTS field_engineers;
