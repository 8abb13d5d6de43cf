//! Delivering notifications: the mail transports (SMTP in production, `.eml` files under
//! `<data dir>/mail` for the embedded default) and the message templates. What to send and when is
//! decided by the services, which queue messages in the outbox (`services::outbox`).

pub mod templates;

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use lettre::message::{Mailbox, MultiPart, SinglePart, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::MailSettings;
use crate::services::storage::BoxFuture;

/// A message ready to send.
#[derive(Debug, Clone)]
pub struct OutgoingEmail {
    /// The outbox row, for file names and logs.
    pub id: i64,
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
    pub attachments: Vec<Attachment>,
}

/// A file sent with an email.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

pub trait Mailer: Send + Sync {
    fn send<'a>(&'a self, email: &'a OutgoingEmail) -> BoxFuture<'a, anyhow::Result<()>>;
}

pub fn build_message(from: &str, email: &OutgoingEmail) -> anyhow::Result<Message> {
    let from: Mailbox = from.parse().with_context(|| format!("TTIS_MAIL_FROM {from:?} is not a mailbox"))?;
    // The same Message-ID for every attempt of one outbox row, so a receiver can drop a repeat.
    let domain = from.email.domain().to_string();
    let mut builder = Message::builder()
        .message_id(Some(format!("<ttis-outbox-{}@{domain}>", email.id)))
        .from(from)
        .subject(email.subject.clone());
    for to in &email.to {
        builder = builder.to(to.parse().with_context(|| format!("recipient {to:?}"))?);
    }
    if email.attachments.is_empty() {
        return Ok(builder.header(ContentType::TEXT_PLAIN).body(email.body.clone())?);
    }
    let mut parts = MultiPart::mixed().singlepart(SinglePart::plain(email.body.clone()));
    for a in &email.attachments {
        let content_type = ContentType::parse(&a.content_type).unwrap_or(ContentType::TEXT_PLAIN);
        parts =
            parts.singlepart(lettre::message::Attachment::new(a.file_name.clone()).body(a.bytes.clone(), content_type));
    }
    Ok(builder.multipart(parts)?)
}

/// Writes each message as an `.eml` file (the embedded default; open them with any mail client).
pub struct FileMailer {
    dir: PathBuf,
    from: String,
}

impl Mailer for FileMailer {
    fn send<'a>(&'a self, email: &'a OutgoingEmail) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let bytes = build_message(&self.from, email)?.formatted();
            tokio::fs::create_dir_all(&self.dir).await?;
            // Named by the outbox row: a message sent again after a crash replaces its own file,
            // so each message is delivered exactly once.
            let name = format!("{:010}", email.id);
            let tmp = self.dir.join(format!(".{name}.tmp"));
            tokio::fs::write(&tmp, bytes).await?;
            tokio::fs::rename(&tmp, self.dir.join(format!("{name}.eml"))).await?;
            Ok(())
        })
    }
}

pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: String,
}

impl Mailer for SmtpMailer {
    fn send<'a>(&'a self, email: &'a OutgoingEmail) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let message = build_message(&self.from, email)?;
            self.transport.send(message).await.context("SMTP delivery failed")?;
            Ok(())
        })
    }
}

/// The configured transport.
pub fn mailer(settings: &MailSettings, data_dir: &std::path::Path) -> anyhow::Result<Arc<dyn Mailer>> {
    Ok(match &settings.smtp_url {
        Some(url) => {
            let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                .context("TTIS_SMTP_URL is not a valid SMTP URL")?
                .timeout(Some(std::time::Duration::from_secs(30)))
                .build();
            Arc::new(SmtpMailer { transport, from: settings.from.clone() })
        }
        None => Arc::new(FileMailer { dir: data_dir.join("mail"), from: settings.from.clone() }),
    })
}
