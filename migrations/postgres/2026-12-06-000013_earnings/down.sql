ALTER TABLE appeals DROP CONSTRAINT appeals_subject_type_check;
ALTER TABLE appeals ADD CONSTRAINT appeals_subject_type_check CHECK (subject_type IN ('application'));
ALTER TABLE job_runs DROP CONSTRAINT job_runs_job;
ALTER TABLE job_runs ADD CONSTRAINT job_runs_job CHECK (job IN ('email', 'provisioning', 'renewals'));
DROP INDEX appeals_subject;
DROP INDEX subscriptions_freelancer_status;
DROP TABLE withdrawals;
DROP TABLE earning_balances;
DROP TABLE earning_entries;
