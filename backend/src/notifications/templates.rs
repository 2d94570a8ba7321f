//! Email templates: each renders a subject, a plain-text part and an HTML part.
//! Every value placed into HTML is escaped.

use crate::domain::Role;

pub struct Rendered {
    pub template: &'static str,
    pub subject: String,
    pub text: String,
    pub html: String,
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Wraps body paragraphs and one call to action in the shared HTML layout.
pub fn layout(title: &str, paragraphs: &[String], action: Option<(&str, &str)>) -> String {
    let mut body = String::new();
    for p in paragraphs {
        body.push_str(&format!("<p style=\"margin:0 0 16px\">{}</p>", escape(p)));
    }
    if let Some((label, url)) = action {
        body.push_str(&format!(
            "<p style=\"margin:24px 0\"><a href=\"{}\" style=\"background:#1c5fd4;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none\">{}</a></p>",
            escape(url),
            escape(label)
        ));
    }
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title></head>\
         <body style=\"font-family:Arial,sans-serif;color:#1a1a1a;max-width:560px;margin:0 auto;padding:24px\">\
         <h1 style=\"font-size:20px\">{t}</h1>{body}\
         <p style=\"color:#666;font-size:12px\">Partner Hub — Microsoft 365 for IT freelancers</p></body></html>",
        t = escape(title)
    )
}

/// A message of paragraphs and an optional call to action, in both parts.
pub fn simple(template: &'static str, subject: impl Into<String>, paragraphs: Vec<String>, action: Option<(&str, &str)>) -> Rendered {
    let subject = subject.into();
    let mut text = paragraphs.join("\n\n");
    if let Some((label, url)) = action {
        text.push_str(&format!("\n\n{label}: {url}"));
    }
    text.push('\n');
    let html = layout(&subject, &paragraphs, action);
    Rendered { template, subject, text, html }
}

/// The sign-up message. With `verify_url` its call to action confirms the address (one
/// message at sign-up rather than two); without it (the address was proven by an
/// invitation link) it opens the app.
pub fn welcome(full_name: &str, role: Role, base_url: &str, verify_url: Option<&str>) -> Rendered {
    let next = match role {
        Role::Freelancer => "Next, apply to the reseller programme from your account.",
        _ => "You can now pick a Microsoft 365 plan and manage your subscriptions.",
    };
    let app_url = format!("{base_url}/app");
    let mut paragraphs = vec![format!("Hello {full_name},"), "Your Partner Hub account is ready.".to_string()];
    let (label, url) = match verify_url {
        Some(url) => {
            paragraphs.push(format!(
                "Please confirm that this is your email address: open the link below within {} hours. Until then you cannot apply to the programme or accept an invitation.",
                crate::auth::verification::VALID_HOURS
            ));
            ("Confirm your email address", url.to_string())
        }
        None => ("Open Partner Hub", app_url),
    };
    paragraphs.push(next.to_string());
    Rendered {
        template: "welcome",
        subject: "Welcome to Partner Hub".into(),
        text: format!("{}\n\n{label}: {url}\n", paragraphs.join("\n\n")),
        html: layout("Welcome to Partner Hub", &paragraphs, Some((label, &url))),
    }
}

/// A new link to confirm the address, asked for by the account holder.
pub fn verify_email(full_name: &str, verify_url: &str) -> Rendered {
    simple(
        "verify_email",
        "Confirm your email address",
        vec![
            format!("Hello {full_name},"),
            format!(
                "Open the link below within {} hours to confirm that this is your email address. Earlier links no longer work.",
                crate::auth::verification::VALID_HOURS
            ),
            "If you did not ask for this, you can ignore this message.".to_string(),
        ],
        Some(("Confirm your email address", verify_url)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_user_values_in_html() {
        let r = welcome("<script>x</script>", Role::Customer, "http://h", Some("http://h/verify-email?token=t"));
        assert!(r.text.contains("http://h/verify-email?token=t"));
        assert!(r.html.contains("&lt;script&gt;"));
        assert!(!r.html.contains("<script>"));
        assert!(r.text.contains("<script>x</script>"), "plain text keeps the name as typed");
    }
}
