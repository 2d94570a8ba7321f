// The one portable schema for both engines: Text, BigInt, Integer, Bool and Timestamp
// (naive UTC) only. Keep it in step with migrations/sqlite and migrations/postgres.

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        password_hash -> Text,
        full_name -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        email_verified_at -> Nullable<Timestamp>,
        locale -> Text,
        session_version -> Integer,
    }
}

diesel::table! {
    user_roles (user_id, role) {
        user_id -> Text,
        role -> Text,
        granted_at -> Timestamp,
    }
}

diesel::table! {
    freelancers (id) {
        id -> Text,
        user_id -> Text,
        status -> Text,
        tier -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        onboarding_required -> Bool,
        referral_code -> Nullable<Text>,
        eligible_since -> Nullable<Timestamp>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        user_id -> Text,
        family_id -> Text,
        token_hash -> Text,
        issued_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    auth_throttle (scope_key) {
        scope_key -> Text,
        failures -> Integer,
        blocked_until -> Nullable<Timestamp>,
        last_attempt_at -> Timestamp,
    }
}

diesel::table! {
    password_resets (id) {
        id -> Text,
        user_id -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    email_verifications (id) {
        id -> Text,
        user_id -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Text,
        actor_id -> Nullable<Text>,
        action -> Text,
        subject_type -> Text,
        subject_id -> Text,
        before_json -> Nullable<Text>,
        after_json -> Nullable<Text>,
        ip -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    email_outbox (id) {
        id -> Text,
        to_address -> Text,
        subject -> Text,
        template -> Text,
        text_body -> Text,
        html_body -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        last_error -> Nullable<Text>,
        claim_token -> Nullable<Text>,
        locked_until -> Nullable<Timestamp>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        locale -> Text,
        params_json -> Text,
    }
}

diesel::table! {
    job_runs (id) {
        id -> Text,
        job -> Text,
        triggered_by -> Text,
        actor_id -> Nullable<Text>,
        started_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
        outcome -> Text,
        processed -> Integer,
        failed -> Integer,
        detail -> Nullable<Text>,
    }
}

diesel::table! {
    app_clock (id) {
        id -> Integer,
        offset_seconds -> BigInt,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    products (id) {
        id -> Text,
        name -> Text,
        vendor -> Text,
        description -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    plans (id) {
        id -> Text,
        product_id -> Text,
        name -> Text,
        description -> Text,
        currency -> Text,
        monthly_price_cents -> BigInt,
        yearly_price_cents -> BigInt,
        commission_rate_bps -> Integer,
        sort_order -> Integer,
        active -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    invitations (id) {
        id -> Text,
        email -> Text,
        kind -> Text,
        token_hash -> Text,
        status -> Text,
        invited_by -> Text,
        accepted_by -> Nullable<Text>,
        accepted_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        expires_at -> Timestamp,
        send_count -> Integer,
        last_sent_at -> Timestamp,
        created_at -> Timestamp,
        locale -> Text,
    }
}

diesel::table! {
    applications (id) {
        id -> Text,
        freelancer_id -> Text,
        invitation_id -> Nullable<Text>,
        status -> Text,
        m365_experience -> Text,
        us_clients_served -> Integer,
        certifications -> Text,
        country -> Text,
        motivation -> Text,
        links -> Text,
        decision_reason -> Nullable<Text>,
        decision_note -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        decided_via -> Nullable<Text>,
    }
}

diesel::table! {
    freelancer_profiles (freelancer_id) {
        freelancer_id -> Text,
        full_name -> Text,
        display_name -> Nullable<Text>,
        display_name_key -> Nullable<Text>,
        description -> Text,
        languages -> Text,
        country -> Nullable<Text>,
        occupation -> Text,
        skills -> Text,
        education -> Text,
        certifications -> Text,
        picture_id -> Nullable<Text>,
        personal_completed_at -> Nullable<Timestamp>,
        business_completed_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    profile_pictures (id) {
        id -> Text,
        freelancer_id -> Text,
        content_type -> Text,
        width -> Integer,
        height -> Integer,
        data_base64 -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    tax_forms (freelancer_id) {
        freelancer_id -> Text,
        legal_name -> Text,
        business_name -> Nullable<Text>,
        tax_classification -> Text,
        address_line1 -> Text,
        address_line2 -> Nullable<Text>,
        city -> Text,
        state -> Text,
        zip -> Text,
        tin_type -> Text,
        tin_ciphertext -> Text,
        tin_key_id -> Text,
        tin_last4 -> Text,
        signature_name -> Text,
        signed_at -> Timestamp,
        signed_ip -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    terms_versions (version) {
        version -> Integer,
        published_by -> Nullable<Text>,
        published_at -> Timestamp,
    }
}

diesel::table! {
    terms_acceptances (id) {
        id -> Text,
        freelancer_id -> Text,
        version -> Integer,
        accepted_at -> Timestamp,
        ip -> Nullable<Text>,
        locale -> Text,
    }
}

diesel::table! {
    terms_texts (version, locale) {
        version -> Integer,
        locale -> Text,
        title -> Text,
        body -> Text,
    }
}

diesel::table! {
    appeals (id) {
        id -> Text,
        freelancer_id -> Text,
        subject_type -> Text,
        subject_id -> Text,
        explanation -> Text,
        status -> Text,
        open_key -> Nullable<Text>,
        reviewer_id -> Nullable<Text>,
        reviewer_note -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    support_tickets (id) {
        id -> Text,
        user_id -> Text,
        subject -> Text,
        category -> Text,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    ticket_messages (id) {
        id -> Text,
        ticket_id -> Text,
        author_id -> Text,
        from_staff -> Bool,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(user_roles -> users (user_id));
diesel::table! {
    tax_rates (country) {
        country -> Text,
        rate_bps -> Integer,
        label -> Text,
        updated_by -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    commerce_settings (id) {
        id -> Integer,
        auto_approve_accounts -> Bool,
        updated_by -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    referral_clicks (freelancer_id, day, visitor_hash) {
        freelancer_id -> Text,
        day -> Text,
        visitor_hash -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    idempotency_keys (id) {
        id -> Text,
        user_id -> Text,
        idem_key -> Text,
        operation -> Text,
        request_hash -> Text,
        status -> Text,
        response_status -> Nullable<Integer>,
        response_body -> Nullable<Text>,
        locked_until -> Timestamp,
        created_at -> Timestamp,
        completed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    payments (id) {
        id -> Text,
        user_id -> Text,
        purpose -> Text,
        subscription_id -> Nullable<Text>,
        refund_of -> Nullable<Text>,
        amount_cents -> BigInt,
        currency -> Text,
        payment_method -> Text,
        status -> Text,
        failure_code -> Nullable<Text>,
        provider -> Text,
        provider_ref -> Nullable<Text>,
        provider_key -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    orders (id) {
        id -> Text,
        customer_user_id -> Text,
        plan_id -> Text,
        billing_term -> Text,
        seats -> Integer,
        unit_price_cents -> BigInt,
        currency -> Text,
        freelancer_id -> Nullable<Text>,
        referral_code -> Nullable<Text>,
        self_referral -> Bool,
        payment_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    customer_accounts (id) {
        id -> Text,
        owner_user_id -> Nullable<Text>,
        created_by_freelancer_id -> Nullable<Text>,
        status -> Text,
        account_name -> Text,
        address_line1 -> Text,
        address_line2 -> Nullable<Text>,
        city -> Text,
        region -> Nullable<Text>,
        postal_code -> Text,
        country -> Text,
        contact_name -> Text,
        contact_email -> Text,
        contact_phone -> Text,
        existing_customer -> Bool,
        domain -> Text,
        rejection_reason -> Nullable<Text>,
        reviewed_by -> Nullable<Text>,
        reviewed_at -> Nullable<Timestamp>,
        provider_tenant_id -> Nullable<Text>,
        partnership_accepted_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    partnership_invitations (id) {
        id -> Text,
        account_id -> Text,
        token_hash -> Text,
        status -> Text,
        expires_at -> Timestamp,
        accepted_at -> Nullable<Timestamp>,
        accepted_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    subscriptions (id) {
        id -> Text,
        customer_user_id -> Text,
        account_id -> Nullable<Text>,
        order_id -> Text,
        plan_id -> Text,
        freelancer_id -> Nullable<Text>,
        self_referral -> Bool,
        billing_term -> Text,
        seats -> Integer,
        scheduled_seats -> Nullable<Integer>,
        unit_price_cents -> BigInt,
        currency -> Text,
        payment_method -> Text,
        status -> Text,
        auto_renew -> Bool,
        term_start -> Timestamp,
        current_term_end -> Timestamp,
        cancellation_allowed_until -> Timestamp,
        activated_at -> Nullable<Timestamp>,
        renewal_attempts -> Integer,
        next_renewal_attempt_at -> Nullable<Timestamp>,
        grace_until -> Nullable<Timestamp>,
        ended_at -> Nullable<Timestamp>,
        provider_subscription_id -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    invoice_counters (year) {
        year -> Integer,
        last_number -> Integer,
    }
}

diesel::table! {
    invoices (id) {
        id -> Text,
        number -> Text,
        year -> Integer,
        seq -> Integer,
        kind -> Text,
        status -> Text,
        customer_user_id -> Text,
        subscription_id -> Nullable<Text>,
        credits_invoice_id -> Nullable<Text>,
        payment_id -> Nullable<Text>,
        currency -> Text,
        bill_to_name -> Text,
        bill_to_email -> Text,
        bill_to_address -> Nullable<Text>,
        bill_to_country -> Nullable<Text>,
        subtotal_cents -> BigInt,
        tax_rate_bps -> Integer,
        tax_cents -> BigInt,
        total_cents -> BigInt,
        issued_at -> Timestamp,
    }
}

diesel::table! {
    invoice_lines (id) {
        id -> Text,
        invoice_id -> Text,
        position -> Integer,
        description -> Text,
        quantity -> Integer,
        unit_amount_cents -> BigInt,
        amount_cents -> BigInt,
        period_start -> Nullable<Timestamp>,
        period_end -> Nullable<Timestamp>,
    }
}

diesel::table! {
    subscription_events (id) {
        id -> Text,
        subscription_id -> Text,
        kind -> Text,
        status_before -> Nullable<Text>,
        status_after -> Text,
        seats -> Integer,
        amount_cents -> Nullable<BigInt>,
        invoice_id -> Nullable<Text>,
        actor_id -> Nullable<Text>,
        data -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    provisioning_tasks (id) {
        id -> Text,
        kind -> Text,
        dedupe_key -> Text,
        account_id -> Nullable<Text>,
        subscription_id -> Nullable<Text>,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claim_token -> Nullable<Text>,
        claimed_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

// Earnings (migration 000013): the ledger, balances kept beside it, withdrawals.
diesel::table! {
    earning_entries (id) {
        id -> Text,
        freelancer_id -> Text,
        kind -> Text,
        status -> Text,
        amount_cents -> BigInt,
        currency -> Text,
        cause_key -> Text,
        subscription_id -> Nullable<Text>,
        invoice_id -> Nullable<Text>,
        event_id -> Nullable<Text>,
        reverses_entry_id -> Nullable<Text>,
        withdrawal_id -> Nullable<Text>,
        appeal_id -> Nullable<Text>,
        rate_bps -> Nullable<Integer>,
        base_cents -> Nullable<BigInt>,
        clearing_starts_at -> Nullable<Timestamp>,
        window_ends_at -> Nullable<Timestamp>,
        available_at -> Nullable<Timestamp>,
        cleared_at -> Nullable<Timestamp>,
        reversed_at -> Nullable<Timestamp>,
        reason -> Nullable<Text>,
        actor_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    earning_balances (freelancer_id) {
        freelancer_id -> Text,
        pending_cents -> BigInt,
        available_cents -> BigInt,
        withdrawn_cents -> BigInt,
        since_joining_cents -> BigInt,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    withdrawals (id) {
        id -> Text,
        freelancer_id -> Text,
        amount_cents -> BigInt,
        currency -> Text,
        status -> Text,
        payout_method -> Text,
        provider -> Text,
        provider_ref -> Nullable<Text>,
        failure_code -> Nullable<Text>,
        failure_reason -> Nullable<Text>,
        attempts -> Integer,
        requested_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(orders -> plans (plan_id));
diesel::joinable!(subscriptions -> plans (plan_id));
diesel::joinable!(subscriptions -> orders (order_id));
diesel::joinable!(subscriptions -> customer_accounts (account_id));
diesel::joinable!(subscriptions -> users (customer_user_id));
diesel::joinable!(subscriptions -> freelancers (freelancer_id));
diesel::joinable!(subscription_events -> subscriptions (subscription_id));
diesel::joinable!(invoice_lines -> invoices (invoice_id));
diesel::joinable!(partnership_invitations -> customer_accounts (account_id));
diesel::joinable!(referral_clicks -> freelancers (freelancer_id));
diesel::joinable!(plans -> products (product_id));
diesel::joinable!(applications -> freelancers (freelancer_id));
diesel::joinable!(freelancer_profiles -> freelancers (freelancer_id));
diesel::joinable!(tax_forms -> freelancers (freelancer_id));
diesel::joinable!(terms_acceptances -> freelancers (freelancer_id));
diesel::joinable!(terms_texts -> terms_versions (version));
diesel::joinable!(appeals -> freelancers (freelancer_id));
diesel::joinable!(support_tickets -> users (user_id));
diesel::joinable!(ticket_messages -> support_tickets (ticket_id));
diesel::joinable!(freelancers -> users (user_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(email_verifications -> users (user_id));
diesel::joinable!(password_resets -> users (user_id));
diesel::joinable!(earning_entries -> freelancers (freelancer_id));
diesel::joinable!(earning_entries -> subscriptions (subscription_id));
diesel::joinable!(earning_entries -> invoices (invoice_id));
diesel::joinable!(earning_balances -> freelancers (freelancer_id));
diesel::joinable!(withdrawals -> freelancers (freelancer_id));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    user_roles,
    freelancers,
    refresh_tokens,
    auth_throttle,
    email_verifications,
    password_resets,
    audit_log,
    email_outbox,
    job_runs,
    app_clock,
    products,
    plans,
    invitations,
    applications,
    freelancer_profiles,
    profile_pictures,
    tax_forms,
    terms_versions,
    terms_acceptances,
    terms_texts,
    appeals,
    support_tickets,
    ticket_messages,
    tax_rates,
    commerce_settings,
    referral_clicks,
    idempotency_keys,
    payments,
    orders,
    customer_accounts,
    partnership_invitations,
    subscriptions,
    invoice_counters,
    invoices,
    invoice_lines,
    subscription_events,
    provisioning_tasks,
    earning_entries,
    earning_balances,
    withdrawals,
);

// The Microsoft commerce sandbox (migration 000012); only providers::microsoft::sandbox
// uses these tables.
diesel::table! {
    ms_sandbox_tenants (id) {
        id -> Text,
        domain -> Text,
        company_name -> Text,
        relationship -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    ms_sandbox_subscriptions (id) {
        id -> Text,
        tenant_id -> Text,
        client_reference -> Text,
        offer_id -> Text,
        term_duration -> Text,
        quantity -> Integer,
        status -> Text,
        auto_renew -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    ms_sandbox_faults (operation) {
        operation -> Text,
        mode -> Text,
        remaining -> Integer,
    }
}
