//! Contacting support: a ticket's whole conversation, who may see and answer it, the
//! staff queue, emails both ways and the audit entry on close.

use serde_json::{json, Value};

use crate::helpers::{problem, Session, TestApp};

fn ticket_body(subject: &str, category: &str) -> Value {
    json!({
        "subject": subject,
        "category": category,
        "message": "My W-9 form is refused although the EIN is correct. What can I do?"
    })
}

async fn open_ticket(app: &TestApp, who: &Session, subject: &str, category: &str) -> Value {
    let res = app.post("/api/v1/support-tickets", ticket_body(subject, category), Some(&who.access_token)).await;
    assert_eq!(res.status(), 201, "open a ticket");
    res.json().await.unwrap()
}

/// Delivers the outbox to `.eml` files and returns them, soft line breaks of
/// quoted-printable undone.
async fn delivered_emails(app: &TestApp) -> Vec<String> {
    let admin = app.admin().await;
    let res = app.post("/api/v1/admin/jobs/email/run", json!({}), Some(&admin.access_token)).await;
    assert_eq!(res.status(), 200, "email job");
    let mut out: Vec<String> = std::fs::read_dir(app.outbox_dir())
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                .map(|p| std::fs::read_to_string(p).unwrap().replace("=\r\n", "").replace("=3D", "="))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn emails_to<'a>(emails: &'a [String], to: &str, subject: &str) -> Vec<&'a String> {
    emails.iter().filter(|e| e.contains(&format!("To: {to}")) && e.contains(&format!("Subject: {subject}"))).collect()
}

/// The ids of one page of support's queue for the query string `q`.
async fn queue_ids(app: &TestApp, staff: &Session, q: &str) -> Vec<String> {
    let path = format!("/api/v1/admin/support-tickets{q}");
    let res = app.get(&path, Some(&staff.access_token)).await;
    assert_eq!(res.status(), 200, "{path}");
    let page: Value = res.json().await.unwrap();
    page["data"].as_array().unwrap().iter().map(|x| x["id"].as_str().unwrap().to_string()).collect()
}

async fn count_messages(app: &TestApp, ticket_id: &str) -> i64 {
    let id = ticket_id.to_string();
    app.db(move |conn| {
        use diesel::prelude::*;
        use partner_hub::db::schema::ticket_messages;
        Ok(ticket_messages::table.filter(ticket_messages::ticket_id.eq(id)).count().get_result::<i64>(conn)?)
    })
    .await
}

#[actix_web::test]
async fn a_conversation_runs_from_open_to_closed() {
    let app = TestApp::spawn().await;
    let freelancer = app.freelancer().await;
    let support = app.support().await;

    let ticket = open_ticket(&app, &freelancer, "My W-9 is refused", "onboarding").await;
    let id = ticket["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("tkt_"), "{id}");
    assert_eq!(ticket["status"], "open");
    assert_eq!(ticket["category"], "onboarding");
    assert_eq!(ticket["subject"], "My W-9 is refused");
    assert_eq!(ticket["requester"]["user_id"], freelancer.user_id);
    assert_eq!(ticket["requester"]["email"], freelancer.email);
    assert_eq!(ticket["requester"]["full_name"], "Test freelancer");
    assert_eq!(ticket["message_count"], 1);
    assert_eq!(ticket["messages"].as_array().unwrap().len(), 1);
    assert!(ticket["messages"][0]["id"].as_str().unwrap().starts_with("msg_"));
    assert_eq!(ticket["messages"][0]["from_staff"], false);
    assert_eq!(ticket["messages"][0]["author_name"], "Test freelancer");
    assert!(ticket["created_at"].as_str().unwrap().ends_with('Z'));

    // The requester gets a confirmation, support a notification.
    let emails = delivered_emails(&app).await;
    let confirmation = emails_to(&emails, &freelancer.email, "We received your support request");
    assert_eq!(confirmation.len(), 1);
    assert!(confirmation[0].contains(&format!("http://127.0.0.1:8080/app/support/{id}")));
    let notice = emails_to(&emails, &app.state.settings.support_email, "New support ticket");
    assert_eq!(notice.len(), 1);
    assert!(notice[0].contains(&freelancer.email) && notice[0].contains("My W-9 is refused"));

    // Support sees it in the queue and answers.
    let queue: Value = app.get("/api/v1/admin/support-tickets?status=open", Some(&support.access_token)).await.json().await.unwrap();
    assert_eq!(queue["data"][0]["id"], id.as_str());
    let res = app
        .post(
            &format!("/api/v1/support-tickets/{id}/messages"),
            json!({"body": "Please type the EIN with the dash, like 12-3456789."}),
            Some(&support.access_token),
        )
        .await;
    assert_eq!(res.status(), 201);
    let answered: Value = res.json().await.unwrap();
    assert_eq!(answered["status"], "answered");
    assert_eq!(answered["message_count"], 2);
    assert_eq!(answered["messages"][1]["from_staff"], true);
    assert_eq!(answered["messages"][1]["author_name"], "Staff");

    // The requester is told, with a link to the ticket.
    let emails = delivered_emails(&app).await;
    let answer_mail = emails_to(&emails, &freelancer.email, "Support answered your ticket");
    assert_eq!(answer_mail.len(), 1);
    assert!(answer_mail[0].contains("Support answered your ticket"));
    assert!(answer_mail[0].contains("12-3456789"));
    assert!(answer_mail[0].contains(&format!("http://127.0.0.1:8080/app/support/{id}")));

    // The requester replies: open again, and support is not emailed about each reply.
    let res = app
        .post(&format!("/api/v1/support-tickets/{id}/messages"), json!({"body": "That worked, thank you!"}), Some(&freelancer.access_token))
        .await;
    assert_eq!(res.status(), 201);
    let reopened: Value = res.json().await.unwrap();
    assert_eq!(reopened["status"], "open");
    assert_eq!(reopened["messages"][2]["from_staff"], false);

    let seen: Value = app.get(&format!("/api/v1/support-tickets/{id}"), Some(&freelancer.access_token)).await.json().await.unwrap();
    let bodies: Vec<&str> = seen["messages"].as_array().unwrap().iter().map(|m| m["body"].as_str().unwrap()).collect();
    assert_eq!(
        bodies,
        vec![
            "My W-9 form is refused although the EIN is correct. What can I do?",
            "Please type the EIN with the dash, like 12-3456789.",
            "That worked, thank you!"
        ],
        "oldest first"
    );

    // Support closes; nobody can write on it any more.
    let res = app.post(&format!("/api/v1/admin/support-tickets/{id}/close"), json!({}), Some(&support.access_token)).await;
    assert_eq!(res.status(), 200);
    let closed: Value = res.json().await.unwrap();
    assert_eq!(closed["status"], "closed");
    for who in [&freelancer, &support] {
        let res =
            app.post(&format!("/api/v1/support-tickets/{id}/messages"), json!({"body": "One more thing"}), Some(&who.access_token)).await;
        problem(res, 409, "ticket_closed").await;
    }
    assert_eq!(count_messages(&app, &id).await, 3);
    problem(
        app.post(&format!("/api/v1/admin/support-tickets/{id}/close"), json!({}), Some(&support.access_token)).await,
        409,
        "ticket_closed",
    )
    .await;

    // The close is audited once, with who and the status before and after.
    let admin = app.admin().await;
    let audit: Value =
        app.get("/api/v1/admin/audit-log?action=support_ticket.closed", Some(&admin.access_token)).await.json().await.unwrap();
    let entries = audit["data"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["subject_type"], "support_ticket");
    assert_eq!(entries[0]["subject_id"], id.as_str());
    assert_eq!(entries[0]["actor_id"], support.user_id);
    assert_eq!(entries[0]["before"], json!({"status": "open"}));
    assert_eq!(entries[0]["after"], json!({"status": "closed"}));
}

#[actix_web::test]
async fn the_requester_can_close_their_own_ticket() {
    let app = TestApp::spawn().await;
    let customer = app.customer().await;
    let ticket = open_ticket(&app, &customer, "Invoice question", "payments").await;
    let id = ticket["id"].as_str().unwrap();

    let res = app.post(&format!("/api/v1/support-tickets/{id}/close"), json!({}), Some(&customer.access_token)).await;
    assert_eq!(res.status(), 200);
    let closed: Value = res.json().await.unwrap();
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["messages"].as_array().unwrap().len(), 1);
    problem(app.post(&format!("/api/v1/support-tickets/{id}/close"), json!({}), Some(&customer.access_token)).await, 409, "ticket_closed")
        .await;

    let admin = app.admin().await;
    let audit: Value = app
        .get(&format!("/api/v1/admin/audit-log?action=support_ticket.closed&subject_id={id}"), Some(&admin.access_token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(audit["data"].as_array().unwrap().len(), 1);
    assert_eq!(audit["data"][0]["actor_id"], customer.user_id);
}

#[actix_web::test]
async fn every_field_is_validated_and_nothing_is_stored_on_error() {
    let app = TestApp::spawn().await;
    let freelancer = app.freelancer().await;
    let good = "A message that is long enough.";
    let cases: Vec<(Value, &str)> = vec![
        (json!({"subject": "ab", "category": "account", "message": good}), "subject"),
        (json!({"subject": "x".repeat(201), "category": "account", "message": good}), "subject"),
        (json!({"subject": "     ", "category": "account", "message": good}), "subject"),
        (json!({"subject": "Login", "category": "account", "message": "too short"}), "message"),
        (json!({"subject": "Login", "category": "account", "message": "x".repeat(5001)}), "message"),
        (json!({"subject": "Login", "category": "account", "message": "           "}), "message"),
        (json!({"category": "account", "message": good}), "subject"),
        (json!({"subject": "Login", "message": good}), "category"),
        (json!({"subject": "Login", "category": "account"}), "message"),
    ];
    for (body, field) in cases {
        let res = app.post("/api/v1/support-tickets", body.clone(), Some(&freelancer.access_token)).await;
        let p = problem(res, 422, "validation_failed").await;
        let fields: Vec<&str> = p["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
        assert_eq!(fields, vec![field], "for {body}");
    }
    // A category outside the list is refused while the JSON is read.
    let res = app.post("/api/v1/support-tickets", ticket_body("Login", "billing"), Some(&freelancer.access_token)).await;
    let p = problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "category", "{p}");
    assert!(p["errors"][0]["message"].as_str().unwrap().contains("`account`"), "lists the allowed values: {p}");
    // Several invalid fields are reported together.
    let res = app
        .post(
            "/api/v1/support-tickets",
            json!({"subject": "ab", "category": "account", "message": "short"}),
            Some(&freelancer.access_token),
        )
        .await;
    let p = problem(res, 422, "validation_failed").await;
    let fields: Vec<&str> = p["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["message", "subject"]);
    // The bounds themselves are accepted.
    let res = app
        .post(
            "/api/v1/support-tickets",
            json!({"subject": "abc", "category": "other", "message": "x".repeat(5000)}),
            Some(&freelancer.access_token),
        )
        .await;
    assert_eq!(res.status(), 201);
    let ticket: Value = res.json().await.unwrap();
    let id = ticket["id"].as_str().unwrap();

    for (body, field) in [
        (json!({"body": ""}), "body"),
        (json!({"body": "   \n  "}), "body"),
        (json!({"body": "x".repeat(5001)}), "body"),
        (json!({}), "body"),
    ] {
        let res = app.post(&format!("/api/v1/support-tickets/{id}/messages"), body.clone(), Some(&freelancer.access_token)).await;
        let p = problem(res, 422, "validation_failed").await;
        assert_eq!(p["errors"][0]["field"], field, "for {body}");
    }
    assert_eq!(count_messages(&app, id).await, 1, "only the first message exists");
    let tickets = app
        .db(|conn| {
            use diesel::prelude::*;
            Ok(partner_hub::db::schema::support_tickets::table.count().get_result::<i64>(conn)?)
        })
        .await;
    assert_eq!(tickets, 1, "only the valid ticket was stored");
    problem(app.post("/api/v1/support-tickets", ticket_body("No token", "account"), None).await, 401, "unauthenticated").await;
}

#[actix_web::test]
async fn someone_elses_ticket_is_not_found() {
    let app = TestApp::spawn().await;
    let owner = app.freelancer().await;
    let other = app.freelancer().await;
    let customer = app.customer().await;
    let ticket = open_ticket(&app, &owner, "Referral link", "technical").await;
    let id = ticket["id"].as_str().unwrap();

    for who in [&other, &customer] {
        let t = Some(who.access_token.as_str());
        problem(app.get(&format!("/api/v1/support-tickets/{id}"), t).await, 404, "not_found").await;
        problem(app.post(&format!("/api/v1/support-tickets/{id}/messages"), json!({"body": "Let me in"}), t).await, 404, "not_found").await;
        // Whatever the body: the id is checked first.
        problem(app.post(&format!("/api/v1/support-tickets/{id}/messages"), json!({}), t).await, 404, "not_found").await;
        problem(app.post(&format!("/api/v1/support-tickets/{id}/close"), json!({}), t).await, 404, "not_found").await;
        let mine: Value = app.get("/api/v1/me/support-tickets", t).await.json().await.unwrap();
        assert_eq!(mine["data"], json!([]), "others' tickets are not listed");
    }
    problem(app.get("/api/v1/support-tickets/tkt_doesnotexist0000000", Some(&owner.access_token)).await, 404, "not_found").await;
    assert_eq!(count_messages(&app, id).await, 1);
    let status = app.get(&format!("/api/v1/support-tickets/{id}"), Some(&owner.access_token)).await;
    let seen: Value = status.json().await.unwrap();
    assert_eq!(seen["status"], "open", "nothing changed");

    // Staff see any ticket.
    for staff in [app.support().await, app.admin().await] {
        assert_eq!(app.get(&format!("/api/v1/support-tickets/{id}"), Some(&staff.access_token)).await.status(), 200);
    }
}

#[actix_web::test]
async fn the_queue_is_for_staff_only() {
    let app = TestApp::spawn().await;
    let freelancer = app.freelancer().await;
    let customer = app.customer().await;
    let ticket = open_ticket(&app, &freelancer, "Help with onboarding", "onboarding").await;
    let id = ticket["id"].as_str().unwrap();
    for who in [&freelancer, &customer] {
        let t = Some(who.access_token.as_str());
        problem(app.get("/api/v1/admin/support-tickets", t).await, 403, "forbidden").await;
        problem(app.post(&format!("/api/v1/admin/support-tickets/{id}/close"), json!({}), t).await, 403, "forbidden").await;
    }
    problem(app.get("/api/v1/admin/support-tickets", None).await, 401, "unauthenticated").await;
    for staff in [app.support().await, app.admin().await] {
        assert_eq!(app.get("/api/v1/admin/support-tickets", Some(&staff.access_token)).await.status(), 200);
    }
    let admin = app.admin().await;
    problem(
        app.post("/api/v1/admin/support-tickets/tkt_doesnotexist0000000/close", json!({}), Some(&admin.access_token)).await,
        404,
        "not_found",
    )
    .await;
}

#[actix_web::test]
async fn the_queue_filters_and_pages_newest_first() {
    let app = TestApp::spawn().await;
    let ana = app.freelancer().await;
    let bob = app.customer().await;
    let support = app.support().await;
    let t = Some(support.access_token.as_str());

    let mut ids = Vec::new();
    for (who, subject, category) in [
        (&ana, "Payout question", "payments"),
        (&bob, "Seat change", "payments"),
        (&ana, "Login trouble", "account"),
        (&bob, "Domain set-up", "technical"),
        (&ana, "Profile picture", "onboarding"),
    ] {
        ids.push(open_ticket(&app, who, subject, category).await["id"].as_str().unwrap().to_string());
    }
    // Answer the first two, close the third.
    for id in &ids[..2] {
        let res = app.post(&format!("/api/v1/support-tickets/{id}/messages"), json!({"body": "Looking into it."}), t).await;
        assert_eq!(res.status(), 201);
    }
    assert_eq!(app.post(&format!("/api/v1/admin/support-tickets/{}/close", ids[2]), json!({}), t).await.status(), 200);

    let list = |q: &'static str| queue_ids(&app, &support, q);
    assert_eq!(list("").await, vec![ids[4].clone(), ids[3].clone(), ids[2].clone(), ids[1].clone(), ids[0].clone()]);
    assert_eq!(list("?status=open").await, vec![ids[4].clone(), ids[3].clone()]);
    assert_eq!(list("?status=answered").await, vec![ids[1].clone(), ids[0].clone()]);
    assert_eq!(list("?status=closed").await, vec![ids[2].clone()]);
    assert_eq!(list("?category=payments").await, vec![ids[1].clone(), ids[0].clone()]);
    assert_eq!(list("?status=answered&category=payments").await, vec![ids[1].clone(), ids[0].clone()]);
    assert_eq!(list("?status=open&category=payments").await, Vec::<String>::new());

    // Each row carries the requester and the message count, not the messages.
    let page: Value = app.get("/api/v1/admin/support-tickets?category=payments&limit=1", t).await.json().await.unwrap();
    let row = &page["data"][0];
    assert_eq!(row["id"], ids[1].as_str());
    assert_eq!(row["requester"]["email"], bob.email);
    assert_eq!(row["requester"]["full_name"], "Test customer");
    assert_eq!(row["message_count"], 2);
    assert!(row.get("messages").is_none());
    assert!(page["next_cursor"].is_string());

    // Walking the cursor two at a time gives every ticket once, newest first.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/admin/support-tickets?limit=2&cursor={c}"),
            None => "/api/v1/admin/support-tickets?limit=2".to_string(),
        };
        let page: Value = app.get(&path, t).await.json().await.unwrap();
        let data = page["data"].as_array().unwrap();
        assert!(data.len() <= 2);
        seen.extend(data.iter().map(|x| x["id"].as_str().unwrap().to_string()));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(seen, ids.iter().rev().cloned().collect::<Vec<_>>());

    // Bad filters are refused as problems.
    problem(app.get("/api/v1/admin/support-tickets?status=pending", t).await, 400, "invalid_query").await;
    problem(app.get("/api/v1/admin/support-tickets?category=billing", t).await, 400, "invalid_query").await;
    problem(app.get("/api/v1/admin/support-tickets?limit=0", t).await, 422, "validation_failed").await;
    problem(app.get("/api/v1/admin/support-tickets?cursor=garbage", t).await, 422, "validation_failed").await;

    // Each requester lists only their own, with the same filters and paging.
    let mine: Value = app.get("/api/v1/me/support-tickets", Some(&ana.access_token)).await.json().await.unwrap();
    let mine: Vec<&str> = mine["data"].as_array().unwrap().iter().map(|x| x["id"].as_str().unwrap()).collect();
    assert_eq!(mine, vec![ids[4].as_str(), ids[2].as_str(), ids[0].as_str()]);
    let page: Value = app.get("/api/v1/me/support-tickets?status=answered", Some(&ana.access_token)).await.json().await.unwrap();
    assert_eq!(page["data"].as_array().unwrap().len(), 1);
    assert_eq!(page["data"][0]["id"], ids[0].as_str());
    assert_eq!(page["data"][0]["message_count"], 2);
    let page: Value = app.get("/api/v1/me/support-tickets?limit=1", Some(&bob.access_token)).await.json().await.unwrap();
    assert_eq!(page["data"][0]["id"], ids[3].as_str());
    let next = page["next_cursor"].as_str().unwrap();
    let page: Value =
        app.get(&format!("/api/v1/me/support-tickets?limit=1&cursor={next}"), Some(&bob.access_token)).await.json().await.unwrap();
    assert_eq!(page["data"][0]["id"], ids[1].as_str());
    assert!(page["next_cursor"].is_null());
    problem(app.get("/api/v1/me/support-tickets?status=nope", Some(&bob.access_token)).await, 400, "invalid_query").await;
    problem(app.get("/api/v1/me/support-tickets", None).await, 401, "unauthenticated").await;
}

#[actix_web::test]
async fn close_against_replies_at_once_has_one_winner_and_no_message_after_it() {
    let app = TestApp::spawn().await;
    let customer = app.customer().await;
    let support = app.support().await;
    let ticket = open_ticket(&app, &customer, "Race on a ticket", "technical").await;
    let id = ticket["id"].as_str().unwrap().to_string();
    let app = &app;

    let closes = (0..10).map(|i| {
        let (path, token) = if i % 2 == 0 {
            (format!("/api/v1/support-tickets/{id}/close"), customer.access_token.clone())
        } else {
            (format!("/api/v1/admin/support-tickets/{id}/close"), support.access_token.clone())
        };
        async move { app.post(&path, json!({}), Some(&token)).await }
    });
    let replies = (0..10).map(|i| {
        let path = format!("/api/v1/support-tickets/{id}/messages");
        let token = support.access_token.clone();
        async move { app.post(&path, json!({"body": format!("Answer number {i}")}), Some(&token)).await }
    });
    let (closes, replies) = futures_util::join!(futures_util::future::join_all(closes), futures_util::future::join_all(replies));
    let mut closed_ok = 0;
    for res in closes {
        match res.status().as_u16() {
            200 => closed_ok += 1,
            _ => {
                problem(res, 409, "ticket_closed").await;
            }
        }
    }
    let mut replied_ok = 0;
    for res in replies {
        match res.status().as_u16() {
            200 | 201 => replied_ok += 1,
            _ => {
                problem(res, 409, "ticket_closed").await;
            }
        }
    }
    assert_eq!(closed_ok, 1, "exactly one close wins");

    let tid = id.clone();
    let (status, staff_messages, answered_mails) = app
        .db(move |conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::{email_outbox, support_tickets, ticket_messages};
            let status = support_tickets::table.find(&tid).select(support_tickets::status).first::<String>(conn)?;
            let staff = ticket_messages::table
                .filter(ticket_messages::ticket_id.eq(&tid))
                .filter(ticket_messages::from_staff.eq(true))
                .count()
                .get_result::<i64>(conn)?;
            let mails = email_outbox::table.filter(email_outbox::template.eq("support_ticket_answered")).count().get_result::<i64>(conn)?;
            Ok((status, staff, mails))
        })
        .await;
    assert_eq!(status, "closed");
    assert_eq!(staff_messages, replied_ok, "one message per accepted reply, none after the close");
    assert_eq!(answered_mails, replied_ok, "one email per accepted reply");

    let admin = app.admin().await;
    let audit: Value = app
        .get(&format!("/api/v1/admin/audit-log?action=support_ticket.closed&subject_id={id}"), Some(&admin.access_token))
        .await
        .json()
        .await
        .unwrap();
    let entries = audit["data"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    // The close records the state it really replaced: answered if any reply got in first.
    let before = if replied_ok > 0 { "answered" } else { "open" };
    assert_eq!(entries[0]["before"]["status"], before, "{}", entries[0]);
}
