-- Typed states for the outbox, job runs, the W-9 and support tickets: CHECK constraints
-- on each closed set (SQLite cannot add a CHECK to a table, so each table is rebuilt),
-- the outbox's per-claim token, and job runs' trigger split from the acting user.
PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE email_outbox_new (
    id TEXT PRIMARY KEY NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    template TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL CHECK (attempts >= 0),
    next_attempt_at TIMESTAMP NOT NULL,
    last_error TEXT,
    claim_token TEXT,
    locked_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    CHECK ((claim_token IS NULL) = (locked_until IS NULL)),
    CHECK (status <> 'sent' OR sent_at IS NOT NULL)
);
INSERT INTO email_outbox_new (id, to_address, subject, template, text_body, html_body, status, attempts,
                              next_attempt_at, last_error, claim_token, locked_until, created_at, sent_at)
SELECT id, to_address, subject, template, text_body, html_body, status, attempts,
       next_attempt_at, last_error,
       CASE WHEN locked_until IS NULL THEN NULL ELSE COALESCE(locked_by, 'legacy') END,
       CASE WHEN locked_by IS NULL THEN NULL ELSE locked_until END,
       created_at, sent_at
FROM email_outbox;
DROP TABLE email_outbox;
ALTER TABLE email_outbox_new RENAME TO email_outbox;
CREATE INDEX email_outbox_due ON email_outbox (status, next_attempt_at);

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
SELECT id, job,
       CASE WHEN triggered_by LIKE 'api:%' THEN 'api' WHEN triggered_by = 'scheduler' THEN 'scheduler' ELSE 'cli' END,
       CASE WHEN triggered_by LIKE 'api:%' THEN substr(triggered_by, 5) END,
       started_at, finished_at, outcome, processed, failed, detail
FROM job_runs;
DROP TABLE job_runs;
ALTER TABLE job_runs_new RENAME TO job_runs;
CREATE INDEX job_runs_job ON job_runs (job, started_at);

CREATE TABLE tax_forms_new (
    freelancer_id TEXT PRIMARY KEY NOT NULL REFERENCES freelancers(id),
    legal_name TEXT NOT NULL,
    business_name TEXT,
    tax_classification TEXT NOT NULL CHECK (tax_classification IN
        ('individual', 'c_corporation', 's_corporation', 'partnership', 'trust_estate', 'llc_c', 'llc_s', 'llc_p', 'other')),
    address_line1 TEXT NOT NULL,
    address_line2 TEXT,
    city TEXT NOT NULL,
    state TEXT NOT NULL,
    zip TEXT NOT NULL,
    tin_type TEXT NOT NULL CHECK (tin_type IN ('ssn', 'ein')),
    tin_ciphertext TEXT NOT NULL,
    tin_key_id TEXT NOT NULL,
    tin_last4 TEXT NOT NULL,
    signature_name TEXT NOT NULL,
    signed_at TIMESTAMP NOT NULL,
    signed_ip TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO tax_forms_new SELECT freelancer_id, legal_name, business_name, tax_classification, address_line1,
    address_line2, city, state, zip, tin_type, tin_ciphertext, tin_key_id, tin_last4, signature_name, signed_at,
    signed_ip, created_at, updated_at FROM tax_forms;
DROP TABLE tax_forms;
ALTER TABLE tax_forms_new RENAME TO tax_forms;

CREATE TABLE support_tickets_new (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    subject TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('account', 'application', 'onboarding', 'payments', 'technical', 'other')),
    status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO support_tickets_new SELECT id, user_id, subject, category, status, created_at, updated_at FROM support_tickets;
DROP TABLE support_tickets;
ALTER TABLE support_tickets_new RENAME TO support_tickets;
CREATE INDEX support_tickets_user ON support_tickets (user_id, created_at);
CREATE INDEX support_tickets_queue ON support_tickets (status, created_at, id);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
