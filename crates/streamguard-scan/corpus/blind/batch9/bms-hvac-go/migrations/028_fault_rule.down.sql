DROP TABLE IF EXISTS fault_rules;
