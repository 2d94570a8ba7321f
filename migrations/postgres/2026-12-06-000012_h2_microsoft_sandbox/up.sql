-- The Microsoft commerce sandbox (MICROSOFT_PROVIDER=sandbox, the default): Microsoft's
-- side of the partnership kept in our own database, so it behaves like the real service
-- (domains that are taken, tenants that have or have not accepted us as their reseller,
-- subscriptions with Partner Center's states) without leaving the machine. Only
-- providers::microsoft::sandbox reads or writes these tables.

-- Customer tenants. A domain belongs to one tenant.
CREATE TABLE ms_sandbox_tenants (
    id TEXT PRIMARY KEY NOT NULL,
    domain TEXT NOT NULL UNIQUE,
    company_name TEXT NOT NULL,
    relationship TEXT NOT NULL CHECK (relationship IN ('none', 'reseller')),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Tenants that exist at Microsoft without us: their domains are taken.
INSERT INTO ms_sandbox_tenants (id, domain, company_name, relationship, created_at, updated_at) VALUES
    ('9c1f0a2e-4b7d-4e51-8a3c-0d6e2f1b7a01', 'contoso.onmicrosoft.com', 'Contoso Ltd.', 'none', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('9c1f0a2e-4b7d-4e51-8a3c-0d6e2f1b7a02', 'fabrikam.onmicrosoft.com', 'Fabrikam, Inc.', 'none', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('9c1f0a2e-4b7d-4e51-8a3c-0d6e2f1b7a03', 'northwindtraders.onmicrosoft.com', 'Northwind Traders', 'none', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('9c1f0a2e-4b7d-4e51-8a3c-0d6e2f1b7a04', 'wingtiptoys.onmicrosoft.com', 'Wingtip Toys', 'none', '2026-12-06 00:00:00', '2026-12-06 00:00:00');

-- Subscriptions created by orders. The client reference (our subscription id) is unique:
-- an order is placed once per reference, however often it is retried.
CREATE TABLE ms_sandbox_subscriptions (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES ms_sandbox_tenants(id),
    client_reference TEXT NOT NULL UNIQUE,
    offer_id TEXT NOT NULL,
    term_duration TEXT NOT NULL CHECK (term_duration IN ('P1M', 'P1Y')),
    quantity INTEGER NOT NULL CHECK (quantity >= 1),
    status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'deleted')),
    auto_renew BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX ms_sandbox_subscriptions_tenant ON ms_sandbox_subscriptions (tenant_id);

-- Outages to rehearse: the next `remaining` calls of `operation` fail with a retryable
-- error (`fail`), or do their work and then lose the reply (`lose_reply`, like a timeout
-- after Microsoft created the order). Empty unless an operator or a test adds rows.
CREATE TABLE ms_sandbox_faults (
    operation TEXT PRIMARY KEY NOT NULL CHECK (operation IN ('check_domain_availability', 'create_customer', 'reseller_relationship', 'accept_reseller_relationship', 'create_order', 'update_seats', 'cancel_subscription', 'set_auto_renew')),
    mode TEXT NOT NULL CHECK (mode IN ('fail', 'lose_reply')),
    remaining INTEGER NOT NULL CHECK (remaining >= 0)
);

-- The job names of issue 8: `provisioning` (calls to the Microsoft commerce provider) and
-- `renewals` (subscription renewals), beside `email`.
ALTER TABLE job_runs DROP CONSTRAINT job_runs_job;
ALTER TABLE job_runs ADD CONSTRAINT job_runs_job CHECK (job IN ('email', 'provisioning', 'renewals'));
