//! Public reporting (SOP steps 1-3): accepting a report with its evidence, issuing the ticket code
//! and the access key, and answering status lookups.

use chrono::Datelike;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, Statement, TransactionTrait,
};
use serde_json::json;
use ttis_shared::dto::reports::{EvidenceReceipt, NewReport, ReportReceipt};
use ttis_shared::dto::tickets::Channel;
use ttis_shared::validation::{Violation, normalize_email};
use ttis_shared::{ReportState, Role};

use super::audit::{self, Actor};
use super::auth::ClientInfo;
use super::codes::{access_key, key_hash};
use super::outbox::{self, NewEmail};
use super::storage::StagedFiles;
use super::{hosts, pow, sequence};
use crate::entities::ticket_event::EventKind;
use crate::entities::{duplicate_hint, evidence, idempotency_key, ticket, ticket_event};
use crate::error::{ApiError, FieldIssue};
use crate::notify::templates;
use crate::state::AppState;
use crate::uploads::Upload;

/// How many earlier open tickets a new report is linked to as possible duplicates.
pub const MAX_DUPLICATE_HINTS: u64 = 3;

pub struct Submission {
    pub report: NewReport,
    pub uploads: Vec<Upload>,
    /// The `Idempotency-Key` header and the hash of the request it came with.
    pub idempotency: Option<(String, String)>,
    pub client: ClientInfo,
    /// `None` for the public form; a staff member filing on someone's behalf, with the channel
    /// the report came through (no proof of work, no honeypot).
    pub filed_by: Option<(Actor, Channel)>,
}

fn ticket_code(prefix: &str, year: i32, seq: i64) -> String {
    format!("{prefix}-{year}-{seq:06}")
}

/// What a submission reads before it writes, in one statement: its category (when it exists and
/// is not retired, as `categories::find_active`), the analysts to alert (as `users::holding`), the PSE asset rules, the SLA policy's stamp (the
/// policy itself comes from the process's copy while the stamp holds) and the active webhooks'
/// subscriptions.
struct Intake {
    /// `(code, Indonesian label)`.
    category: Option<Category>,
    analysts: Vec<String>,
    /// `(kind, value, pse_id)`.
    assets: Vec<(String, String, i64)>,
    sla_stamp: Option<i64>,
    /// `(id, events)`.
    webhooks: Vec<(i64, String)>,
}

struct Category {
    code: String,
    label_id: String,
}

async fn intake<C: ConnectionTrait>(conn: &C, category: &str) -> Result<Intake, ApiError> {
    let backend = conn.get_database_backend();
    let p = |n: usize| crate::db::placeholder(backend, n);
    let sql = format!(
        "SELECT 'category' AS what, c.code AS a, c.label_id AS b, CAST(NULL AS BIGINT) AS n FROM categories c \
         WHERE c.code = {} AND c.retired = {} \
         UNION ALL SELECT 'analyst', u.email, NULL, NULL FROM users u JOIN user_roles r ON r.user_id = u.id \
         WHERE r.role = {} AND u.disabled = {} \
         UNION ALL SELECT 'asset', a.kind, a.value, a.pse_id FROM pse_assets a \
         UNION ALL SELECT 'sla', NULL, NULL, s.stamp FROM ({}) s \
         UNION ALL SELECT 'webhook', w.events, NULL, w.id FROM webhooks w WHERE w.active = {}",
        p(1),
        p(2),
        p(3),
        p(4),
        super::sla::STAMP_SQL,
        p(5)
    );
    let values: Vec<sea_orm::Value> =
        vec![category.into(), false.into(), Role::Analyst.as_str().into(), false.into(), true.into()];
    let mut out =
        Intake { category: None, analysts: Vec::new(), assets: Vec::new(), sla_stamp: None, webhooks: Vec::new() };
    for row in conn.query_all(Statement::from_sql_and_values(backend, sql, values)).await? {
        let what: String = row.try_get("", "what")?;
        let a: Option<String> = row.try_get("", "a")?;
        let b: Option<String> = row.try_get("", "b")?;
        let n: Option<i64> = row.try_get("", "n")?;
        match (what.as_str(), a, b, n) {
            ("category", Some(code), Some(label_id), _) => out.category = Some(Category { code, label_id }),
            ("analyst", Some(email), _, _) => out.analysts.push(email),
            ("asset", Some(kind), Some(value), Some(pse)) => out.assets.push((kind, value, pse)),
            ("sla", _, _, stamp) => out.sla_stamp = stamp,
            ("webhook", Some(events), _, Some(id)) => out.webhooks.push((id, events)),
            _ => {}
        }
    }
    Ok(out)
}

fn receipt(t: &ticket::Model, key: String, files: &[evidence::Model]) -> ReportReceipt {
    ReportReceipt {
        ticket_code: t.code.clone(),
        access_key: key,
        status: t.state,
        submitted_at: t.submitted_at,
        evidence: files
            .iter()
            .map(|e| EvidenceReceipt {
                file_name: e.file_name.clone(),
                content_type: e.content_type.clone(),
                size: u64::try_from(e.size).unwrap_or(0),
                sha256: e.sha256.clone(),
                metadata_stripped: e.metadata_stripped,
            })
            .collect(),
    }
}

fn opt_text(v: &Option<String>) -> Option<String> {
    v.as_ref().map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

pub async fn submit(state: &AppState, sub: Submission) -> Result<ReportReceipt, ApiError> {
    let result = submit_inner(state, &sub).await;
    if result.is_err() {
        crate::uploads::discard(&sub.uploads).await;
    }
    result
}

async fn submit_inner(state: &AppState, sub: &Submission) -> Result<ReportReceipt, ApiError> {
    let secret = state.settings.jwt_secret.expose();
    let db = &state.db;

    if let Some((key, hash)) = &sub.idempotency
        && let Some(existing) = idempotency_key::Entity::find_by_id(key.clone()).one(db).await?
    {
        if existing.request_hash != *hash {
            return Err(ApiError::IdempotencyKeyReused);
        }
        crate::uploads::discard(&sub.uploads).await;
        return replay(db, secret, existing.ticket_id, sub.idempotency.as_ref()).await;
    }

    let report = &sub.report;
    if sub.filed_by.is_none() && report.website.as_deref().is_some_and(|w| !w.trim().is_empty()) {
        // The honeypot was filled: software, not a person. Answer like a success, keep nothing.
        crate::uploads::discard(&sub.uploads).await;
        let txn = db.begin().await?;
        audit::record(&txn, &Actor::anonymous(sub.client.ip.clone()), "report.honeypot", None, json!({})).await?;
        txn.commit().await?;
        let year = state.clock.local_now().year();
        // A real number from the same counter: the code looks exactly like the next one, so the
        // sender cannot tell it was caught (ticket codes are unique and increasing, not gapless).
        let fake_seq = sequence::next(db, &format!("ticket:{year}")).await?;
        return Ok(ReportReceipt {
            ticket_code: ticket_code(&state.settings.reports.ticket_prefix, year, fake_seq),
            access_key: access_key(secret, None),
            status: ReportState::Submitted,
            submitted_at: state.clock.now(),
            evidence: Vec::new(),
        });
    }

    let context = intake(db, report.category.trim()).await?;
    let Some(category) = context.category else {
        return Err(ApiError::Validation(vec![FieldIssue {
            field: "category".into(),
            violation: Violation::NotAnOption,
        }]));
    };
    let cvss_vector = opt_text(&report.cvss_vector);
    let cvss_score = cvss_vector.as_deref().and_then(|v| ttis_shared::cvss::parse(v).ok()).map(|s| s.base_score);
    let analysts = context.analysts;

    let at = state.clock.now();
    let year = state.clock.local(at).year();
    let key = access_key(secret, sub.idempotency.as_ref());
    let affected_host = hosts::host_of(&report.affected_asset);

    let pse_id = super::pse::best_match(
        context.assets.iter().map(|(kind, value, pse)| (kind.as_str(), value.as_str(), *pse)),
        &report.affected_asset,
    );
    let policy = super::sla::current_at(db, context.sla_stamp).await?;
    // The ticket number comes from the per-year counter in its own short transaction, before the
    // report's: concurrent submissions then never wait on the counter row while another commits
    // (it held them to one commit at a time). A submission that fails after this leaves a gap:
    // ticket codes are unique and increasing, not gapless (letter numbers are; see `letters`).
    let seq = sequence::next(db, &format!("ticket:{year}")).await?;
    let code = ticket_code(&state.settings.reports.ticket_prefix, year, seq);
    let txn = db.begin().await?;
    if sub.filed_by.is_none() {
        pow::spend(&txn, secret, state.settings.reports.pow_difficulty, report.pow.as_ref()).await?;
    }
    let channel = sub.filed_by.as_ref().map(|(_, c)| *c).unwrap_or(Channel::Web);
    let submitter = match &sub.filed_by {
        Some((actor, _)) => actor.clone(),
        None => Actor::anonymous(sub.client.ip.clone()),
    };
    let r = &report.reporter;
    let reporter_name = r.name.trim().to_string();
    let reporter_email = normalize_email(&r.email);
    let title = report.title.trim().to_string();
    let asset = report.affected_asset.trim().to_string();
    let search = ticket::search_text(&code, &title, &asset, &reporter_name, &reporter_email);
    let t = ticket::ActiveModel {
        code: Set(code),
        year: Set(year),
        seq: Set(seq),
        kind: Set(match report.kind {
            ttis_shared::dto::reports::ReportKind::Incident => ttis_shared::dto::reports::ReportKind::Incident,
            ttis_shared::dto::reports::ReportKind::Vulnerability => {
                ttis_shared::dto::reports::ReportKind::Vulnerability
            }
        }),
        title: Set(title),
        category_code: Set(category.code.clone()),
        affected_asset: Set(asset),
        affected_host: Set(affected_host.clone()),
        discovered_at: Set(report.discovered_at),
        description: Set(report.description.trim().to_string()),
        steps_to_reproduce: Set(opt_text(&report.steps_to_reproduce)),
        impact: Set(opt_text(&report.impact)),
        ongoing: Set(report.ongoing),
        personal_data_involved: Set(report.personal_data_involved),
        tlp: Set(report.tlp),
        cvss_vector: Set(cvss_vector),
        cvss_score: Set(cvss_score),
        state: Set(ReportState::Submitted),
        state_entered_at: Set(at),
        access_key_hash: Set(key_hash(&key)),
        reporter_name: Set(reporter_name),
        reporter_email: Set(reporter_email),
        reporter_phone: Set(opt_text(&r.phone)),
        reporter_organization: Set(opt_text(&r.organization)),
        reporter_type: Set(r.reporter_type),
        hall_of_fame: Set(r.hall_of_fame.into()),
        hall_of_fame_alias: Set(opt_text(&r.alias)),
        certificate_name: Set(r.certificate_name),
        email_access_key: Set(report.email_access_key),
        channel: Set(channel),
        severity: Set(None),
        assignee_id: Set(None),
        pse_id: Set(pse_id),
        duplicate_of_id: Set(None),
        submitted_at: Set(at),
        updated_at: Set(at),
        search_text: Set(Some(search)),
        step_started_at: Set(Some(at)),
        paused_seconds: Set(0),
        due_at: Set(
            ttis_shared::sla::total_standard(ReportState::Submitted, &policy).map(|std| policy.calendar.add(at, std))
        ),
        ..Default::default()
    }
    .insert(&txn)
    .await?;

    ticket_event::ActiveModel {
        ticket_id: Set(t.id),
        at: Set(at),
        kind: Set(EventKind::StateChange),
        from_state: Set(None),
        to_state: Set(Some(ReportState::Submitted)),
        actor_user_id: Set(None),
        actor_label: Set(super::timeline::REPORTER.into()),
        body: Set(None),
        public: Set(true),
        ..Default::default()
    }
    .insert(&txn)
    .await?;

    let mut staged = StagedFiles::new(state.evidence.clone());
    let finish = async {
        let mut files = Vec::new();
        for upload in &sub.uploads {
            files.push(super::evidence::attach(&txn, &mut staged, t.id, upload, "reporter", at).await?);
        }
        if let Some(host) = &affected_host {
            let candidates = ticket::Entity::find()
                .filter(ticket::Column::AffectedHost.eq(host.clone()))
                .filter(ticket::Column::CategoryCode.eq(category.code.clone()))
                .filter(ticket::Column::Id.ne(t.id))
                .filter(ticket::Column::State.is_not_in([ReportState::Rejected, ReportState::Completed]))
                // The oldest open tickets are the likely originals; a defacement wave of hundreds of
                // reports must not link each new one to every earlier one.
                .order_by_asc(ticket::Column::Id)
                .limit(MAX_DUPLICATE_HINTS)
                .all(&txn)
                .await?;
            // One statement for all of them (a defacement wave links each report to several).
            if !candidates.is_empty() {
                duplicate_hint::Entity::insert_many(candidates.into_iter().map(|c| duplicate_hint::ActiveModel {
                    ticket_id: Set(t.id),
                    candidate_id: Set(c.id),
                    reason: Set("same_host_and_category".into()),
                }))
                .exec_without_returning(&txn)
                .await?;
            }
        }
        super::webhooks::emit_to_subscribers(
            &txn,
            &context.webhooks,
            ttis_shared::dto::delivery::WebhookEvent::ReportSubmitted,
            &t,
            json!({"kind": t.kind, "channel": channel, "evidence": files.len()}),
        )
        .await?;
        let public_url = &state.settings.public_url;
        let mail = templates::report_receipt(
            &state.settings.site.agency_name,
            public_url,
            &t,
            report.email_access_key.then_some(key.as_str()),
        );
        let alert = templates::new_report_alert(public_url, &t, &category.label_id, files.len());
        // The receipt and the analysts' alert in one statement (no receipt when the platform's own
        // monitoring is the reporter).
        let mut mails =
            vec![NewEmail { dedupe_key: Some(format!("alert:{}", t.code)), ..NewEmail::about(t.id, analysts, alert) }];
        if ttis_shared::procedure::reporter_is_credited(channel) {
            mails.insert(
                0,
                NewEmail {
                    dedupe_key: Some(format!("receipt:{}", t.code)),
                    ..NewEmail::about(t.id, vec![t.reporter_email.clone()], mail)
                },
            );
        }
        outbox::enqueue_many(&txn, mails).await?;
        if let Some((key, hash)) = &sub.idempotency {
            idempotency_key::ActiveModel {
                key: Set(key.clone()),
                request_hash: Set(hash.clone()),
                ticket_id: Set(t.id),
                created_at: Set(at),
            }
            .insert(&txn)
            .await?;
        }
        audit::record(
            &txn,
            &submitter,
            "report.submit",
            Some(format!("ticket:{}", t.code)),
            json!({"evidence": files.len(), "channel": channel}),
        )
        .await?;
        Ok::<_, ApiError>((t, files))
    };
    let committed = match finish.await {
        Ok(done) => staged.commit(txn).await.map(|()| done).map_err(ApiError::from),
        Err(e) => {
            staged.discard().await;
            Err(e)
        }
    };
    let (t, files) = match committed {
        Ok(done) => done,
        Err(e) => {
            // A concurrent retry with the same idempotency key won the race: answer as it did.
            if let Some((key, _)) = &sub.idempotency
                && let Ok(Some(existing)) = idempotency_key::Entity::find_by_id(key.clone()).one(db).await
            {
                return replay(db, secret, existing.ticket_id, sub.idempotency.as_ref()).await;
            }
            return Err(e);
        }
    };
    state.outbox_wake.notify_one();
    Ok(receipt(&t, key, &files))
}

async fn replay(
    db: &DatabaseConnection,
    secret: &[u8],
    ticket_id: i64,
    idempotency: Option<&(String, String)>,
) -> Result<ReportReceipt, ApiError> {
    let t = ticket::Entity::find_by_id(ticket_id).one(db).await?.ok_or(ApiError::NotFound)?;
    let files = evidence::Entity::find()
        .filter(evidence::Column::TicketId.eq(t.id))
        .order_by_asc(evidence::Column::Id)
        .all(db)
        .await?;
    Ok(receipt(&t, access_key(secret, idempotency), &files))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticket_codes_are_zero_padded_per_year() {
        assert_eq!(ticket_code("TTIS", 2026, 123), "TTIS-2026-000123");
        assert_eq!(ticket_code("CSIRT", 2027, 1_234_567), "CSIRT-2027-1234567");
    }
}
