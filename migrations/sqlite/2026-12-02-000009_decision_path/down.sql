UPDATE applications SET decision_note = 'Approved on appeal.' WHERE decided_via = 'appeal' AND decision_note IS NULL;
ALTER TABLE applications DROP COLUMN decided_via;
