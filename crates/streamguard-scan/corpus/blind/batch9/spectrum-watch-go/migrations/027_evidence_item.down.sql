DROP TABLE IF EXISTS evidence_items;
