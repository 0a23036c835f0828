DROP TABLE IF EXISTS commission_checklists;
