DROP TABLE IF EXISTS ski_school_classs;
