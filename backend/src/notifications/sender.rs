//! Delivery of one outbox message: SMTP through lettre when `SMTP_URL` is set, otherwise
//! an RFC 5322 `.eml` file per message in `EMAIL_OUTBOX_DIR` that a person can open.

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Settings;
use crate::notifications::outbox::OutboxRow;

pub enum Sender {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

impl Sender {
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Sender> {
        match &settings.smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("SMTP_URL is not usable: {e}"))?
                    .timeout(Some(Duration::from_secs(15)))
                    .build();
                Ok(Sender::Smtp(transport))
            }
            None => Ok(Sender::Files(settings.email_outbox_dir.clone())),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Sender::Smtp(_) => "smtp".into(),
            Sender::Files(dir) => format!("file outbox {}", dir.display()),
        }
    }

    pub async fn send(&self, from: &str, row: &OutboxRow) -> Result<(), String> {
        let message = build(from, row)?;
        match self {
            Sender::Smtp(transport) => transport.send(message).await.map(|_| ()).map_err(|e| format!("smtp: {e}")),
            Sender::Files(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| format!("outbox dir: {e}"))?;
                let name = format!("{}-{}.eml", row.created_at.format("%Y%m%dT%H%M%S"), row.id);
                let tmp = dir.join(format!(".{name}.tmp"));
                std::fs::write(&tmp, message.formatted()).map_err(|e| format!("outbox write: {e}"))?;
                std::fs::rename(&tmp, dir.join(name)).map_err(|e| format!("outbox rename: {e}"))
            }
        }
    }
}

fn build(from: &str, row: &OutboxRow) -> Result<Message, String> {
    let from: Mailbox = from.parse().map_err(|e| format!("EMAIL_FROM: {e}"))?;
    let to: Mailbox = row.to_address.parse().map_err(|e| format!("recipient: {e}"))?;
    Message::builder()
        .from(from)
        .to(to)
        .subject(row.subject.clone())
        .message_id(Some(format!("<{}@partner-hub>", row.id)))
        .header(ContentLanguage(row.locale.as_str().to_string()))
        .multipart(MultiPart::alternative_plain_html(row.text_body.clone(), row.html_body.clone()))
        .map_err(|e| format!("message: {e}"))
}

/// `Content-Language: de`: the language the message is written in (RFC 3282).
#[derive(Debug, Clone)]
struct ContentLanguage(String);

impl lettre::message::header::Header for ContentLanguage {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("Content-Language")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ContentLanguage(s.trim().to_string()))
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), self.0.clone())
    }
}
