DROP INDEX applications_one_open;
ALTER TABLE appeals DROP CONSTRAINT appeals_subject_type_check;
ALTER TABLE appeals DROP CONSTRAINT appeals_status_check;
ALTER TABLE applications DROP CONSTRAINT applications_decision_reason_check;
ALTER TABLE applications DROP CONSTRAINT applications_m365_experience_check;
ALTER TABLE applications DROP CONSTRAINT applications_status_check;
ALTER TABLE freelancers DROP CONSTRAINT freelancers_tier_check;
ALTER TABLE freelancers DROP CONSTRAINT freelancers_status_check;
