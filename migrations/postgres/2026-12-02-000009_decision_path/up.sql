-- How a decided application got its decision: support's review, or an upheld appeal.
-- Until now an upheld appeal wrote the English sentence "Approved on appeal." into the
-- applicant-visible note; that becomes the structured fact here and the note is cleared.
ALTER TABLE applications ADD COLUMN decided_via TEXT CHECK (decided_via IN ('review', 'appeal'));

UPDATE applications
SET decided_via = CASE WHEN decision_note = 'Approved on appeal.' THEN 'appeal' ELSE 'review' END,
    decision_note = CASE WHEN decision_note = 'Approved on appeal.' THEN NULL ELSE decision_note END
WHERE decided_at IS NOT NULL;
