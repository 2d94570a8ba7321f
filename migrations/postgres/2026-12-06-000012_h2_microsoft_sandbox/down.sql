DELETE FROM job_runs WHERE job NOT IN ('email');
ALTER TABLE job_runs DROP CONSTRAINT job_runs_job;
ALTER TABLE job_runs ADD CONSTRAINT job_runs_job CHECK (job IN ('email'));
DROP TABLE ms_sandbox_faults;
DROP TABLE ms_sandbox_subscriptions;
DROP TABLE ms_sandbox_tenants;
