PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE email_outbox_old (
    id TEXT PRIMARY KEY NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    template TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    last_error TEXT,
    locked_by TEXT,
    locked_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
INSERT INTO email_outbox_old SELECT id, to_address, subject, template, text_body, html_body, status, attempts,
    next_attempt_at, last_error, claim_token, locked_until, created_at, sent_at FROM email_outbox;
DROP TABLE email_outbox;
ALTER TABLE email_outbox_old RENAME TO email_outbox;
CREATE INDEX email_outbox_due ON email_outbox (status, next_attempt_at);

CREATE TABLE job_runs_old (
    id TEXT PRIMARY KEY NOT NULL,
    job TEXT NOT NULL,
    triggered_by TEXT NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    outcome TEXT NOT NULL,
    processed INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    detail TEXT
);
INSERT INTO job_runs_old SELECT id, job,
    CASE WHEN actor_id IS NULL THEN triggered_by ELSE triggered_by || ':' || actor_id END,
    started_at, finished_at, outcome, processed, failed, detail FROM job_runs;
DROP TABLE job_runs;
ALTER TABLE job_runs_old RENAME TO job_runs;
CREATE INDEX job_runs_job ON job_runs (job, started_at);

CREATE TABLE tax_forms_old (
    freelancer_id TEXT PRIMARY KEY NOT NULL REFERENCES freelancers(id),
    legal_name TEXT NOT NULL,
    business_name TEXT,
    tax_classification TEXT NOT NULL,
    address_line1 TEXT NOT NULL,
    address_line2 TEXT,
    city TEXT NOT NULL,
    state TEXT NOT NULL,
    zip TEXT NOT NULL,
    tin_type TEXT NOT NULL,
    tin_ciphertext TEXT NOT NULL,
    tin_key_id TEXT NOT NULL,
    tin_last4 TEXT NOT NULL,
    signature_name TEXT NOT NULL,
    signed_at TIMESTAMP NOT NULL,
    signed_ip TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO tax_forms_old SELECT * FROM tax_forms;
DROP TABLE tax_forms;
ALTER TABLE tax_forms_old RENAME TO tax_forms;

CREATE TABLE support_tickets_old (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    subject TEXT NOT NULL,
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO support_tickets_old SELECT * FROM support_tickets;
DROP TABLE support_tickets;
ALTER TABLE support_tickets_old RENAME TO support_tickets;
CREATE INDEX support_tickets_user ON support_tickets (user_id, created_at);
CREATE INDEX support_tickets_queue ON support_tickets (status, created_at, id);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
