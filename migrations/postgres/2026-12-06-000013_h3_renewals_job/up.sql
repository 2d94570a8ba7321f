-- The `renewals` job joins the job names a run may record.
ALTER TABLE job_runs DROP CONSTRAINT job_runs_job;
ALTER TABLE job_runs ADD CONSTRAINT job_runs_job CHECK (job IN ('email', 'renewals'));
