PRAGMA foreign_keys = OFF;
BEGIN;
DROP INDEX appeals_subject;
DROP INDEX subscriptions_freelancer_status;
DROP TABLE withdrawals;
DROP TABLE earning_balances;
DROP TABLE earning_entries;
CREATE TABLE job_runs_new (
    id TEXT PRIMARY KEY NOT NULL,
    job TEXT NOT NULL CHECK (job IN ('email', 'provisioning', 'renewals')),
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
SELECT id, job, triggered_by, actor_id, started_at, finished_at, outcome, processed, failed, detail FROM job_runs WHERE job <> 'clearing';
DROP TABLE job_runs;
ALTER TABLE job_runs_new RENAME TO job_runs;
CREATE INDEX job_runs_job ON job_runs (job, started_at);
CREATE TABLE appeals_new (
    id TEXT PRIMARY KEY NOT NULL,
    freelancer_id TEXT NOT NULL REFERENCES freelancers(id),
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    explanation TEXT NOT NULL,
    status TEXT NOT NULL,
    open_key TEXT UNIQUE,
    reviewer_id TEXT REFERENCES users(id),
    reviewer_note TEXT,
    decided_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (status IN ('submitted', 'in_review', 'upheld', 'denied')),
    CHECK (subject_type IN ('application'))
);
INSERT INTO appeals_new (id, freelancer_id, subject_type, subject_id, explanation, status, open_key, reviewer_id, reviewer_note, decided_at, created_at, updated_at)
    SELECT id, freelancer_id, subject_type, subject_id, explanation, status, open_key, reviewer_id, reviewer_note, decided_at, created_at, updated_at FROM appeals WHERE subject_type = 'application';
DROP TABLE appeals;
ALTER TABLE appeals_new RENAME TO appeals;
CREATE INDEX appeals_queue ON appeals (status, created_at, id);
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
