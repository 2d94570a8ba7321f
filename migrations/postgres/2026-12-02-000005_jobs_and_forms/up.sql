-- Typed states for the outbox, job runs, the W-9 and support tickets: CHECK constraints
-- on each closed set, the outbox's per-claim token, and job runs' trigger split from
-- the acting user.
ALTER TABLE email_outbox RENAME COLUMN locked_by TO claim_token;
UPDATE email_outbox SET claim_token = NULL, locked_until = NULL WHERE claim_token IS NULL OR locked_until IS NULL;
ALTER TABLE email_outbox
    ADD CONSTRAINT email_outbox_status CHECK (status IN ('pending', 'sent', 'failed')),
    ADD CONSTRAINT email_outbox_attempts CHECK (attempts >= 0),
    ADD CONSTRAINT email_outbox_claim CHECK ((claim_token IS NULL) = (locked_until IS NULL)),
    ADD CONSTRAINT email_outbox_sent_at CHECK (status <> 'sent' OR sent_at IS NOT NULL);

ALTER TABLE job_runs ADD COLUMN actor_id TEXT;
UPDATE job_runs SET actor_id = substr(triggered_by, 5), triggered_by = 'api' WHERE triggered_by LIKE 'api:%';
UPDATE job_runs SET triggered_by = 'cli' WHERE triggered_by NOT IN ('scheduler', 'api');
ALTER TABLE job_runs
    ADD CONSTRAINT job_runs_job CHECK (job IN ('email')),
    ADD CONSTRAINT job_runs_triggered_by CHECK (triggered_by IN ('scheduler', 'api', 'cli')),
    ADD CONSTRAINT job_runs_outcome CHECK (outcome IN ('succeeded', 'failed'));

ALTER TABLE tax_forms
    ADD CONSTRAINT tax_forms_tax_classification CHECK (tax_classification IN
        ('individual', 'c_corporation', 's_corporation', 'partnership', 'trust_estate', 'llc_c', 'llc_s', 'llc_p', 'other')),
    ADD CONSTRAINT tax_forms_tin_type CHECK (tin_type IN ('ssn', 'ein'));

ALTER TABLE support_tickets
    ADD CONSTRAINT support_tickets_category CHECK (category IN ('account', 'application', 'onboarding', 'payments', 'technical', 'other')),
    ADD CONSTRAINT support_tickets_status CHECK (status IN ('open', 'answered', 'closed'));
