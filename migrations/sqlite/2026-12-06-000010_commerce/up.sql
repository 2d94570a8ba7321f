-- The client buys: tax rates, commerce settings, referral clicks, idempotency keys,
-- payments, orders, customer accounts and partnership invitations, subscriptions with
-- their append-only events, gap-free invoices with lines, and the provisioning tasks that
-- carry every call to the Microsoft commerce provider (retried with backoff).
-- Money is BIGINT minor units; every status and kind has a CHECK with the Rust enum's values.

CREATE TABLE tax_rates (
    country TEXT PRIMARY KEY NOT NULL,
    rate_bps INTEGER NOT NULL CHECK (rate_bps >= 0 AND rate_bps <= 5000),
    label TEXT NOT NULL,
    updated_by TEXT NOT NULL REFERENCES users(id),
    updated_at TIMESTAMP NOT NULL
);

-- One row: settings support changes at run time.
CREATE TABLE commerce_settings (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    auto_approve_accounts BOOLEAN NOT NULL,
    updated_by TEXT REFERENCES users(id),
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO commerce_settings (id, auto_approve_accounts, updated_by, updated_at) VALUES (1, FALSE, NULL, '2026-12-06 00:00:00');

-- A click is counted once per visitor per day; the visitor is a keyed hash that is never
-- reversed and changes every day (no personal data is stored).
CREATE TABLE referral_clicks (
    freelancer_id TEXT NOT NULL REFERENCES freelancers(id),
    day TEXT NOT NULL,
    visitor_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (freelancer_id, day, visitor_hash)
);

CREATE TABLE idempotency_keys (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    idem_key TEXT NOT NULL,
    operation TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('in_progress', 'completed')),
    response_status INTEGER,
    response_body TEXT,
    locked_until TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    completed_at TIMESTAMP,
    UNIQUE (user_id, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

CREATE TABLE payments (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    purpose TEXT NOT NULL CHECK (purpose IN ('purchase', 'seat_increase', 'renewal', 'refund')),
    subscription_id TEXT,
    refund_of TEXT REFERENCES payments(id),
    amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
    currency TEXT NOT NULL,
    payment_method TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed')),
    failure_code TEXT,
    provider TEXT NOT NULL,
    provider_ref TEXT,
    provider_key TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX payments_user ON payments (user_id, created_at);
CREATE INDEX payments_subscription ON payments (subscription_id, created_at);

CREATE TABLE orders (
    id TEXT PRIMARY KEY NOT NULL,
    customer_user_id TEXT NOT NULL REFERENCES users(id),
    plan_id TEXT NOT NULL REFERENCES plans(id),
    billing_term TEXT NOT NULL CHECK (billing_term IN ('monthly', 'yearly')),
    seats INTEGER NOT NULL CHECK (seats >= 1 AND seats <= 50),
    unit_price_cents BIGINT NOT NULL,
    currency TEXT NOT NULL,
    freelancer_id TEXT REFERENCES freelancers(id),
    referral_code TEXT,
    self_referral BOOLEAN NOT NULL,
    payment_id TEXT NOT NULL REFERENCES payments(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_user_id, created_at);

CREATE TABLE customer_accounts (
    id TEXT PRIMARY KEY NOT NULL,
    owner_user_id TEXT UNIQUE REFERENCES users(id),
    created_by_freelancer_id TEXT REFERENCES freelancers(id),
    status TEXT NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected', 'active')),
    account_name TEXT NOT NULL,
    address_line1 TEXT NOT NULL,
    address_line2 TEXT,
    city TEXT NOT NULL,
    region TEXT,
    postal_code TEXT NOT NULL,
    country TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    contact_phone TEXT NOT NULL,
    existing_customer BOOLEAN NOT NULL,
    domain TEXT NOT NULL,
    rejection_reason TEXT,
    reviewed_by TEXT REFERENCES users(id),
    reviewed_at TIMESTAMP,
    provider_tenant_id TEXT,
    partnership_accepted_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX customer_accounts_domain ON customer_accounts (domain);
CREATE INDEX customer_accounts_queue ON customer_accounts (status, created_at, id);

CREATE TABLE partnership_invitations (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES customer_accounts(id),
    token_hash TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'superseded')),
    expires_at TIMESTAMP NOT NULL,
    accepted_at TIMESTAMP,
    accepted_by TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX partnership_invitations_account ON partnership_invitations (account_id, created_at);

CREATE TABLE subscriptions (
    id TEXT PRIMARY KEY NOT NULL,
    customer_user_id TEXT NOT NULL REFERENCES users(id),
    account_id TEXT REFERENCES customer_accounts(id),
    order_id TEXT NOT NULL UNIQUE REFERENCES orders(id),
    plan_id TEXT NOT NULL REFERENCES plans(id),
    freelancer_id TEXT REFERENCES freelancers(id),
    self_referral BOOLEAN NOT NULL,
    billing_term TEXT NOT NULL CHECK (billing_term IN ('monthly', 'yearly')),
    seats INTEGER NOT NULL CHECK (seats >= 1 AND seats <= 50),
    scheduled_seats INTEGER CHECK (scheduled_seats IS NULL OR (scheduled_seats >= 1 AND scheduled_seats <= 50)),
    unit_price_cents BIGINT NOT NULL,
    currency TEXT NOT NULL,
    payment_method TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'suspended', 'cancelled', 'expired')),
    auto_renew BOOLEAN NOT NULL,
    term_start TIMESTAMP NOT NULL,
    current_term_end TIMESTAMP NOT NULL,
    cancellation_allowed_until TIMESTAMP NOT NULL,
    activated_at TIMESTAMP,
    renewal_attempts INTEGER NOT NULL DEFAULT 0,
    next_renewal_attempt_at TIMESTAMP,
    grace_until TIMESTAMP,
    ended_at TIMESTAMP,
    provider_subscription_id TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX subscriptions_customer ON subscriptions (customer_user_id, created_at, id);
CREATE INDEX subscriptions_freelancer ON subscriptions (freelancer_id, created_at, id);
CREATE INDEX subscriptions_account ON subscriptions (account_id, status);
CREATE INDEX subscriptions_due ON subscriptions (status, current_term_end);
CREATE INDEX subscriptions_created ON subscriptions (created_at, id);

CREATE TABLE invoice_counters (
    year INTEGER PRIMARY KEY NOT NULL,
    last_number INTEGER NOT NULL
);

CREATE TABLE invoices (
    id TEXT PRIMARY KEY NOT NULL,
    number TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    status TEXT NOT NULL CHECK (status IN ('paid', 'credited', 'issued')),
    customer_user_id TEXT NOT NULL REFERENCES users(id),
    subscription_id TEXT REFERENCES subscriptions(id),
    credits_invoice_id TEXT REFERENCES invoices(id),
    payment_id TEXT REFERENCES payments(id),
    currency TEXT NOT NULL,
    bill_to_name TEXT NOT NULL,
    bill_to_email TEXT NOT NULL,
    bill_to_address TEXT,
    bill_to_country TEXT,
    subtotal_cents BIGINT NOT NULL,
    tax_rate_bps INTEGER NOT NULL,
    tax_cents BIGINT NOT NULL,
    total_cents BIGINT NOT NULL,
    issued_at TIMESTAMP NOT NULL,
    UNIQUE (year, seq)
);
CREATE INDEX invoices_customer ON invoices (customer_user_id, issued_at, id);
CREATE INDEX invoices_subscription ON invoices (subscription_id, issued_at);

CREATE TABLE invoice_lines (
    id TEXT PRIMARY KEY NOT NULL,
    invoice_id TEXT NOT NULL REFERENCES invoices(id),
    position INTEGER NOT NULL,
    description TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    unit_amount_cents BIGINT NOT NULL,
    amount_cents BIGINT NOT NULL,
    period_start TIMESTAMP,
    period_end TIMESTAMP,
    UNIQUE (invoice_id, position)
);

-- Append-only: rows are inserted, never updated or deleted. Earnings, notifications and
-- webhooks read them in (created_at, id) order.
CREATE TABLE subscription_events (
    id TEXT PRIMARY KEY NOT NULL,
    subscription_id TEXT NOT NULL REFERENCES subscriptions(id),
    kind TEXT NOT NULL CHECK (kind IN ('created', 'activated', 'seats_increased', 'seats_decrease_scheduled', 'seats_decreased', 'cancelled', 'auto_renew_disabled', 'renewed', 'renewal_payment_failed', 'suspended', 'reactivated', 'expired')),
    status_before TEXT,
    status_after TEXT NOT NULL,
    seats INTEGER NOT NULL,
    amount_cents BIGINT,
    invoice_id TEXT REFERENCES invoices(id),
    actor_id TEXT REFERENCES users(id),
    data TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX subscription_events_subscription ON subscription_events (subscription_id, created_at, id);
CREATE INDEX subscription_events_created ON subscription_events (created_at, id);

-- Every call to the Microsoft commerce provider is a task: created in the transaction of
-- the change that needs it, claimed by the `provisioning` job, retried with backoff.
-- `dedupe_key` (e.g. `place_order:sub_…`) makes each step exist once.
CREATE TABLE provisioning_tasks (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('create_customer', 'place_order', 'change_seats', 'cancel_subscription', 'set_auto_renew')),
    dedupe_key TEXT NOT NULL UNIQUE,
    account_id TEXT REFERENCES customer_accounts(id),
    subscription_id TEXT REFERENCES subscriptions(id),
    payload TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    claim_token TEXT,
    claimed_until TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX provisioning_tasks_due ON provisioning_tasks (status, next_attempt_at);
