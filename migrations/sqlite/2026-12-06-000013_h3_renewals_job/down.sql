-- The job names a run may record (SQLite cannot change a CHECK: the table is rebuilt).
DELETE FROM job_runs WHERE job = 'renewals';
CREATE TABLE job_runs_new (
    id TEXT PRIMARY KEY NOT NULL,
    job TEXT NOT NULL CHECK (job IN ('email')),
    triggered_by TEXT NOT NULL CHECK (triggered_by IN ('scheduler', 'api', 'cli')),
    actor_id TEXT,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    outcome TEXT NOT NULL CHECK (outcome IN ('succeeded', 'failed')),
    processed INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    detail TEXT
);
INSERT INTO job_runs_new (id, job, triggered_by, actor_id, started_at, finished_at, outcome, processed, failed, detail)
SELECT id, job, triggered_by, actor_id, started_at, finished_at, outcome, processed, failed, detail FROM job_runs;
DROP TABLE job_runs;
ALTER TABLE job_runs_new RENAME TO job_runs;
CREATE INDEX job_runs_job ON job_runs (job, started_at);
