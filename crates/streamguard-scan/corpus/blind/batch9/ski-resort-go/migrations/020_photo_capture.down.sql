DROP TABLE IF EXISTS photo_captures;
