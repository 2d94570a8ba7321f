ALTER TABLE support_tickets DROP CONSTRAINT support_tickets_category, DROP CONSTRAINT support_tickets_status;
ALTER TABLE tax_forms DROP CONSTRAINT tax_forms_tax_classification, DROP CONSTRAINT tax_forms_tin_type;
ALTER TABLE job_runs DROP CONSTRAINT job_runs_job, DROP CONSTRAINT job_runs_triggered_by, DROP CONSTRAINT job_runs_outcome;
UPDATE job_runs SET triggered_by = triggered_by || ':' || actor_id WHERE actor_id IS NOT NULL;
ALTER TABLE job_runs DROP COLUMN actor_id;
ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_status, DROP CONSTRAINT email_outbox_attempts,
    DROP CONSTRAINT email_outbox_claim, DROP CONSTRAINT email_outbox_sent_at;
ALTER TABLE email_outbox RENAME COLUMN claim_token TO locked_by;
