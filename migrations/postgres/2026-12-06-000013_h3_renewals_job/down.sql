DELETE FROM job_runs WHERE job = 'renewals';
ALTER TABLE job_runs DROP CONSTRAINT job_runs_job;
ALTER TABLE job_runs ADD CONSTRAINT job_runs_job CHECK (job IN ('email'));
