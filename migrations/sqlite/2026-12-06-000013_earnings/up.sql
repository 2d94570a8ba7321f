-- Earnings, withdrawals, the `clearing` job and appeals on money. The job_runs and appeals
-- CHECKs change, which SQLite does by rebuilding the table (foreign keys off, outside
-- diesel's transaction: metadata.toml), as in 000003.
PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE job_runs_new (
    id TEXT PRIMARY KEY NOT NULL,
    job TEXT NOT NULL CHECK (job IN ('email', 'provisioning', 'renewals', 'clearing')),
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
    CHECK (subject_type IN ('application', 'earning'))
);
INSERT INTO appeals_new (id, freelancer_id, subject_type, subject_id, explanation, status, open_key, reviewer_id, reviewer_note, decided_at, created_at, updated_at)
    SELECT id, freelancer_id, subject_type, subject_id, explanation, status, open_key, reviewer_id, reviewer_note, decided_at, created_at, updated_at FROM appeals;
DROP TABLE appeals;
ALTER TABLE appeals_new RENAME TO appeals;
CREATE INDEX appeals_queue ON appeals (status, created_at, id);

-- Earnings: an append-only ledger of a freelancer's money. An entry is never deleted and
-- its amount never changes; only `status` moves (pending → available | reversed), by a
-- conditional UPDATE. `cause_key` is unique: one entry per cause (a paid invoice, a credit
-- note, a withdrawal, an adjustment), so a replayed event can never pay twice.
CREATE TABLE earning_entries (
    id TEXT PRIMARY KEY NOT NULL,
    freelancer_id TEXT NOT NULL REFERENCES freelancers(id),
    kind TEXT NOT NULL CHECK (kind IN ('commission', 'reversal', 'adjustment', 'withdrawal')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'available', 'reversed')),
    amount_cents BIGINT NOT NULL,
    currency TEXT NOT NULL,
    cause_key TEXT NOT NULL UNIQUE,
    subscription_id TEXT REFERENCES subscriptions(id),
    invoice_id TEXT REFERENCES invoices(id),
    event_id TEXT REFERENCES subscription_events(id),
    reverses_entry_id TEXT REFERENCES earning_entries(id),
    withdrawal_id TEXT,
    appeal_id TEXT REFERENCES appeals(id),
    rate_bps INTEGER,
    base_cents BIGINT,
    clearing_starts_at TIMESTAMP,
    window_ends_at TIMESTAMP,
    available_at TIMESTAMP,
    cleared_at TIMESTAMP,
    reversed_at TIMESTAMP,
    reason TEXT,
    actor_id TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX earning_entries_freelancer ON earning_entries (freelancer_id, created_at, id);
CREATE INDEX earning_entries_due ON earning_entries (status, available_at);
CREATE INDEX earning_entries_subscription ON earning_entries (subscription_id, created_at);
CREATE INDEX earning_entries_reverses ON earning_entries (reverses_entry_id);

-- One row per freelancer, changed in the transaction of every entry or status change, so
-- reading balances costs the same however long the history is. `ledger verify` checks
-- that it always equals the sums of the entries.
CREATE TABLE earning_balances (
    freelancer_id TEXT PRIMARY KEY NOT NULL REFERENCES freelancers(id),
    pending_cents BIGINT NOT NULL,
    available_cents BIGINT NOT NULL,
    withdrawn_cents BIGINT NOT NULL,
    since_joining_cents BIGINT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (pending_cents >= 0)
);

-- A withdrawal of available funds: `requested → paid | failed`. At most one in flight per
-- freelancer (a partial unique index, so concurrent requests cannot both get in).
CREATE TABLE withdrawals (
    id TEXT PRIMARY KEY NOT NULL,
    freelancer_id TEXT NOT NULL REFERENCES freelancers(id),
    amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
    currency TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('requested', 'paid', 'failed')),
    payout_method TEXT NOT NULL,
    provider TEXT NOT NULL,
    provider_ref TEXT,
    failure_code TEXT,
    failure_reason TEXT,
    attempts INTEGER NOT NULL,
    requested_at TIMESTAMP NOT NULL,
    decided_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX withdrawals_one_in_flight ON withdrawals (freelancer_id) WHERE status = 'requested';
CREATE INDEX withdrawals_freelancer ON withdrawals (freelancer_id, requested_at, id);
CREATE INDEX withdrawals_queue ON withdrawals (status, requested_at, id);

-- Dashboard counts by status and seats come from an indexed aggregate.
CREATE INDEX subscriptions_freelancer_status ON subscriptions (freelancer_id, status, seats);
-- The appeals on a page of ledger entries, and whether an entry is under appeal.
CREATE INDEX appeals_subject ON appeals (subject_type, subject_id);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
