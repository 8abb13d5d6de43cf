//! The monitoring job: claims due URLs (on PostgreSQL with `FOR UPDATE SKIP LOCKED`, and the
//! next check set in the same statement, so two replicas never check one URL twice in an
//! interval), checks each, and turns findings into tickets through the report intake: one open
//! ticket per URL and kind of finding, a repeat joining its timeline.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, FromQueryResult, QueryFilter,
    QueryOrder, QuerySelect, Set, Statement, TransactionTrait,
};
use serde_json::json;
use ttis_shared::ReportState;
use ttis_shared::dto::monitoring::FindingKind;
use ttis_shared::dto::reports::{
    CertificateName, Declarations, HallOfFameChoice, NewReport, ReportKind, ReporterInput, ReporterType, Tlp,
};
use ttis_shared::dto::tickets::Channel;

use super::detect::{self, Finding, Words};
use super::fetch;
use crate::entities::ticket_event::EventKind;
use crate::entities::{idempotency_key, monitor, monitor_finding, monitor_mute, ticket, ticket_event};
use crate::error::ApiError;
use crate::services::audit::Actor;
use crate::services::auth::ClientInfo;
use crate::state::AppState;

/// The name the platform reports under.
pub const REPORTER_NAME: &str = "Pemantauan otomatis TTIS";

/// The shortest claim on a URL.
const LEASE_SECS: i64 = 120;
/// The shortest time a screenshot may take.
const RENDER_SECS: i64 = 30;

/// Claims up to `limit` due monitors (or the one `only`, due or not) for this process.
pub async fn claim(state: &AppState, only: Option<i64>, limit: u64) -> Result<Vec<monitor::Model>, ApiError> {
    let db = &state.db;
    let now = state.clock.now();
    // Long enough for one fetch at its timeout, the detectors, and for each kind of finding its
    // screenshot (when configured) and its intake.
    let fetch_secs = i64::try_from(state.settings.monitor.timeout.as_secs()).unwrap_or(15);
    let render_secs = if state.settings.monitor.chromium.is_some() { fetch_secs.max(RENDER_SECS) } else { 0 };
    let kinds = i64::try_from(FindingKind::ALL.len()).unwrap_or(5);
    let lease = now + Duration::seconds(LEASE_SECS.max(2 * fetch_secs + kinds * (render_secs + 20) + 60));
    if db.get_database_backend() == DatabaseBackend::Postgres {
        let (filter, values): (String, Vec<sea_orm::Value>) = match only {
            Some(id) => ("id = $3".into(), vec![lease.into(), now.into(), id.into()]),
            None => (
                format!("enabled = TRUE AND next_check_at <= $2 ORDER BY next_check_at LIMIT {limit}"),
                vec![lease.into(), now.into()],
            ),
        };
        let sql = format!(
            "UPDATE monitors SET locked_until = $1, next_check_at = $2 + interval_minutes * INTERVAL '1 minute' \
             WHERE id IN (SELECT id FROM monitors WHERE (locked_until IS NULL OR locked_until < $2) AND {filter} \
             FOR UPDATE SKIP LOCKED) RETURNING *"
        );
        return Ok(monitor::Model::find_by_statement(Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            sql,
            values,
        ))
        .all(db)
        .await?);
    }
    // SQLite: one process, one writer; read and move each row in one transaction.
    let txn = db.begin().await?;
    let mut q =
        monitor::Entity::find().filter(monitor::Column::LockedUntil.is_null().or(monitor::Column::LockedUntil.lt(now)));
    q = match only {
        Some(id) => q.filter(monitor::Column::Id.eq(id)),
        None => q.filter(monitor::Column::Enabled.eq(true)).filter(monitor::Column::NextCheckAt.lte(now)),
    };
    let due = q.order_by_asc(monitor::Column::NextCheckAt).limit(limit).all(&txn).await?;
    let mut claimed = Vec::new();
    for m in due {
        let next = now + Duration::minutes(i64::from(m.interval_minutes));
        let mut active: monitor::ActiveModel = m.into();
        active.locked_until = Set(Some(lease));
        active.next_check_at = Set(next);
        claimed.push(active.update(&txn).await?);
    }
    txn.commit().await?;
    Ok(claimed)
}

/// Checks one claimed monitor and records what it found; returns the findings reported.
pub async fn check(state: &AppState, m: monitor::Model) -> Result<Vec<Finding>, ApiError> {
    let settings = &state.settings.monitor;
    let http = &state.monitor_http;
    let words = Words::from_settings(&settings.defacement_phrases, &settings.gambling_words);
    let fetched = fetch::fetch(&http.client, &http.guard, &m.url, settings.max_bytes).await;
    let now = state.clock.now();
    let muted: Vec<FindingKind> = monitor_mute::Entity::find()
        .filter(monitor_mute::Column::MonitorId.eq(m.id))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|x| x.kind)
        .collect();
    let mut active: monitor::ActiveModel = m.clone().into();
    active.last_checked_at = Set(Some(now));
    let mut findings: Vec<Finding> = Vec::new();
    let mut html: Option<String> = None;
    match fetched {
        Ok(page) => {
            // Parsing is CPU work: off the async workers.
            let (html_copy, base, baseline) = (page.html.clone(), page.final_url.clone(), m.baseline_text.clone());
            let (read, judged) = tokio::task::spawn_blocking(move || {
                let read = detect::read(&html_copy, &base);
                let judged = detect::judge(&read, &words, baseline.as_deref());
                (read, judged)
            })
            .await
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("monitoring: the detectors failed: {e}")))?;
            findings = judged;
            if let Some(expiry) = page.tls_not_after {
                active.tls_expires_at = Set(Some(expiry));
                let left = expiry - now;
                // "Soon" is 14 days; for a short-lived certificate (10 days or less, renewed
                // every few days) a third of its life, or it would always be expiring.
                let warn = Duration::days(settings.tls_warn_days);
                let soon = match page.tls_lifetime {
                    Some(life) if life <= Duration::days(10) => life / 3,
                    _ => warn,
                };
                if left < soon {
                    findings.push(Finding {
                        kind: FindingKind::TlsExpiry,
                        summary: format!(
                            "Sertifikat TLS berakhir pada {} ({} hari lagi).",
                            expiry.format("%Y-%m-%d %H:%M UTC"),
                            left.num_days()
                        ),
                        excerpt: m.url.clone(),
                        places: Vec::new(),
                    });
                }
            }
            findings.retain(|f| !muted.contains(&f.kind));
            active.consecutive_failures = Set(0);
            active.last_error = Set(None);
            active.last_status = Set(if findings.is_empty() { "ok" } else { "finding" }.into());
            // A clean page moves the baseline forward: slow change is the site's life, a sudden
            // replacement is the finding. An analyst accepts a new one after a finding.
            if findings.is_empty() {
                active.baseline_text = Set(Some(read.visible.clone()));
                active.baseline_at = Set(Some(now));
            }
            html = Some(page.html);
        }
        Err(category) => {
            let failures = m.consecutive_failures.saturating_add(1);
            active.consecutive_failures = Set(failures);
            active.last_error = Set(Some(category.chars().take(200).collect()));
            active.last_status = Set("error".into());
            // Several failures in a row are one finding; a single timeout is none.
            if u32::try_from(failures).unwrap_or(0) >= settings.failures_for_finding
                && !muted.contains(&FindingKind::Unavailable)
            {
                findings.push(Finding {
                    kind: FindingKind::Unavailable,
                    summary: format!(
                        "Situs tidak dapat diakses pada {failures} pemeriksaan berturut-turut ({category})."
                    ),
                    excerpt: format!("{} — {category}", m.url),
                    places: Vec::new(),
                });
            }
        }
    }
    active.update(&state.db).await?;
    // The claim holds until the findings are reported: a "check now" meanwhile would report
    // them a second time.
    // Each finding is reported even when another fails; the first failure is the answer.
    let mut reported = Ok(());
    for f in &findings {
        let result = report(state, &m, f, html.as_deref(), now).await;
        if reported.is_ok() {
            reported = result;
        }
    }
    // Only this claim is released: past its lease, another may hold the URL now.
    let mut release = monitor::Entity::update_many()
        .col_expr(monitor::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(monitor::Column::Id.eq(m.id));
    if let Some(ours) = m.locked_until {
        release = release.filter(monitor::Column::LockedUntil.lte(ours));
    }
    let released = release.exec(&state.db).await;
    reported?;
    released?;
    Ok(findings)
}

/// What a new finding means given the last one of its monitor and kind: a new ticket, a note on
/// the open one, or nothing (the same finding again within a day, or a false alarm the team
/// rejected, seen again unchanged).
enum Next {
    Open,
    Note(i64),
    Nothing,
}

async fn next_step<C: ConnectionTrait>(
    conn: &C,
    monitor_id: i64,
    f: &Finding,
    now: DateTime<Utc>,
) -> Result<Next, ApiError> {
    let last = monitor_finding::Entity::find()
        .filter(monitor_finding::Column::MonitorId.eq(monitor_id))
        .filter(monitor_finding::Column::Kind.eq(f.kind))
        .filter(monitor_finding::Column::TicketId.is_not_null())
        .order_by_desc(monitor_finding::Column::Id)
        .one(conn)
        .await?;
    let Some(last) = last else { return Ok(Next::Open) };
    let Some(ticket_id) = last.ticket_id else { return Ok(Next::Open) };
    let Some(t) = ticket::Entity::find_by_id(ticket_id).one(conn).await? else { return Ok(Next::Open) };
    let same = last.excerpt == f.excerpt;
    Ok(match t.state {
        ReportState::Rejected if same => Next::Nothing,
        state if state.is_terminal() => Next::Open,
        _ if same && now - last.found_at < Duration::hours(24) => Next::Nothing,
        _ => Next::Note(t.id),
    })
}

/// A finding becomes a ticket through the report intake, or joins the open one's timeline.
async fn report(
    state: &AppState,
    m: &monitor::Model,
    f: &Finding,
    html: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let ticket_id = match next_step(&state.db, m.id, f, now).await? {
        Next::Nothing => return Ok(()),
        Next::Note(id) => {
            note(state, id, f, now).await?;
            id
        }
        Next::Open => return open_once(state, m, f, html, now).await,
    };
    finding_row(m, f, Some(ticket_id), now).insert(&state.db).await?;
    Ok(())
}

/// The row of a finding of `m` found `now`, naming its ticket when it has one.
fn finding_row(
    m: &monitor::Model,
    f: &Finding,
    ticket_id: Option<i64>,
    now: DateTime<Utc>,
) -> monitor_finding::ActiveModel {
    monitor_finding::ActiveModel {
        monitor_id: Set(m.id),
        kind: Set(f.kind),
        summary: Set(f.summary.clone()),
        excerpt: Set(f.excerpt.clone()),
        places: Set(serde_json::to_string(&f.places).unwrap_or_else(|_| "[]".into())),
        ticket_id: Set(ticket_id),
        found_at: Set(now),
        ..Default::default()
    }
}

/// "Found again" on the open ticket's timeline (for the team only).
async fn note(state: &AppState, ticket_id: i64, f: &Finding, now: DateTime<Utc>) -> Result<(), ApiError> {
    let txn = state.db.begin().await?;
    ticket_event::ActiveModel {
        ticket_id: Set(ticket_id),
        at: Set(now),
        kind: Set(EventKind::Note),
        actor_label: Set(REPORTER_NAME.into()),
        body: Set(Some(format!("Temuan berulang: {}\n\n{}", f.summary, f.excerpt))),
        public: Set(false),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Opens the finding's ticket exactly once, across a stop at any point.
///
/// The finding is written first, unlinked, and its id keys the intake's idempotency (a key with
/// a space, which no public request may send). The next finding of the monitor and kind takes
/// that row up again: if the intake had committed the ticket before the stop, the key finds it
/// and the finding joins it as a repeat; if not, the ticket is opened now.
async fn open_once(
    state: &AppState,
    m: &monitor::Model,
    f: &Finding,
    html: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let waiting = || {
        monitor_finding::Entity::find()
            .filter(monitor_finding::Column::MonitorId.eq(m.id))
            .filter(monitor_finding::Column::Kind.eq(f.kind))
            .filter(monitor_finding::Column::TicketId.is_null())
            .one(&state.db)
    };
    let pending = match waiting().await? {
        Some(row) => row,
        // At most one row waits (a unique index): a checker that met this one wrote it first,
        // and both go on with it.
        None => match unlinked_finding(state, m, f, now).await {
            Ok(row) => row,
            Err(e) => waiting().await?.ok_or(e)?,
        },
    };
    let key = format!("monitor finding {}", pending.id);
    let opened = match idempotency_key::Entity::find_by_id(key.clone()).one(&state.db).await? {
        Some(done) => ticket::Entity::find_by_id(done.ticket_id).one(&state.db).await?,
        None => None,
    };
    let (pending, key) = match opened {
        // Opened before a stop and still open: this finding joins it.
        Some(t) if !t.state.is_terminal() => {
            tracing::warn!(
                monitor = m.id,
                ticket = t.id,
                "monitoring: a finding's ticket opened before a stop; linked"
            );
            note(state, t.id, f, now).await?;
            return link(state, m, f, pending, t.id, now).await;
        }
        // Opened before a stop and closed since: the old finding keeps that ticket, and this
        // one opens its own.
        Some(t) => {
            let mut old: monitor_finding::ActiveModel = pending.into();
            old.ticket_id = Set(Some(t.id));
            old.update(&state.db).await?;
            let fresh = unlinked_finding(state, m, f, now).await?;
            let key = format!("monitor finding {}", fresh.id);
            (fresh, key)
        }
        None => (pending, key),
    };
    let ticket_id = open_new(state, m, f, html, now, key).await?;
    link(state, m, f, pending, ticket_id, now).await
}

/// A finding written before its ticket is opened.
async fn unlinked_finding(
    state: &AppState,
    m: &monitor::Model,
    f: &Finding,
    now: DateTime<Utc>,
) -> Result<monitor_finding::Model, ApiError> {
    Ok(finding_row(m, f, None, now).insert(&state.db).await?)
}

/// The finding names its ticket (and takes this check's words), which names the monitor's PSE.
async fn link(
    state: &AppState,
    m: &monitor::Model,
    f: &Finding,
    pending: monitor_finding::Model,
    ticket_id: i64,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    // The PSE is known: the monitor's, whatever the register's rules matched.
    ticket::Entity::update_many()
        .col_expr(ticket::Column::PseId, Expr::value(m.pse_id))
        .filter(ticket::Column::Id.eq(ticket_id))
        .exec(&state.db)
        .await?;
    let mut linked = finding_row(m, f, Some(ticket_id), now);
    linked.id = Set(pending.id);
    linked.update(&state.db).await?;
    Ok(())
}

/// Writes an evidence file into the store's incoming folder, as an upload would arrive.
async fn staged_upload(
    state: &AppState,
    name: &str,
    content_type: &'static str,
    bytes: &[u8],
) -> Result<crate::uploads::Upload, ApiError> {
    use sha2::Digest;
    let dir = state.evidence.incoming_dir();
    tokio::fs::create_dir_all(&dir).await.map_err(|e| ApiError::Internal(e.into()))?;
    let temp_path = dir.join(uuid::Uuid::new_v4().to_string());
    tokio::fs::write(&temp_path, bytes).await.map_err(|e| ApiError::Internal(e.into()))?;
    Ok(crate::uploads::Upload {
        file_name: name.into(),
        temp_path,
        content_type,
        size: bytes.len() as u64,
        sha256: hex::encode(sha2::Sha256::digest(bytes)),
        metadata_stripped: false,
        external_links: Vec::new(),
    })
}

async fn open_new(
    state: &AppState,
    m: &monitor::Model,
    f: &Finding,
    html: Option<&str>,
    now: DateTime<Utc>,
    key: String,
) -> Result<i64, ApiError> {
    let stamp = now.format("%Y%m%d-%H%M%S");
    let mut uploads = Vec::new();
    if let Some(html) = html {
        // Served as text, never as a page of this origin.
        uploads.push(staged_upload(state, &format!("halaman-{stamp}.html.txt"), "text/plain", html.as_bytes()).await?);
    }
    let excerpt = format!("URL: {}\nTemuan: {}\n\nKutipan:\n{}\n", m.url, f.summary, f.excerpt);
    uploads.push(staged_upload(state, &format!("kutipan-{stamp}.txt"), "text/plain", excerpt.as_bytes()).await?);
    if let (Some(chromium), Some(html)) = (&state.settings.monitor.chromium, html) {
        // Optional: a failed render leaves the ticket with the page and the excerpt.
        let timeout = state.settings.monitor.timeout.max(std::time::Duration::from_secs(RENDER_SECS.unsigned_abs()));
        match super::screenshot::capture(chromium, html, timeout).await {
            Ok(png) => {
                uploads.push(staged_upload(state, &format!("tangkapan-layar-{stamp}.png"), "image/png", &png).await?);
            }
            Err(e) => tracing::warn!(error = %format!("{e:#}"), monitor = m.id, "monitoring: no screenshot"),
        }
    }
    let host = url::Url::parse(&m.url).ok().and_then(|u| u.host_str().map(str::to_string)).unwrap_or_default();
    let title = match f.kind {
        FindingKind::Defacement => format!("Deface terdeteksi pada {host}"),
        FindingKind::Gambling => format!("Injeksi konten judi online pada {host}"),
        FindingKind::Changed => format!("Perubahan besar isi halaman {host}"),
        FindingKind::Unavailable => format!("Situs {host} tidak dapat diakses"),
        FindingKind::TlsExpiry => format!("Sertifikat TLS {host} segera berakhir"),
    };
    let report = NewReport {
        reporter: ReporterInput {
            name: REPORTER_NAME.into(),
            email: state.settings.site.report_email.clone(),
            phone: None,
            organization: Some(state.settings.site.agency_name.clone()),
            reporter_type: ReporterType::InternalMonitoring,
            hall_of_fame: HallOfFameChoice::Anonymous,
            certificate_name: CertificateName::default(),
            alias: None,
        },
        kind: ReportKind::Incident,
        title: title.chars().take(200).collect(),
        category: f.kind.category().into(),
        affected_asset: m.url.clone(),
        discovered_at: now,
        description: format!("{}\n\nKutipan: {}", f.summary, f.excerpt).chars().take(9000).collect(),
        steps_to_reproduce: Some(format!("Buka {} (pemeriksaan otomatis).", m.url)),
        impact: None,
        ongoing: true,
        personal_data_involved: false,
        tlp: Tlp::Amber,
        cvss_vector: None,
        declarations: Declarations { good_faith: true, consent: true },
        email_access_key: false,
        website: None,
        pow: None,
    };
    let receipt = crate::services::reports::submit(
        state,
        crate::services::reports::Submission {
            report,
            uploads,
            idempotency: Some((key, "monitoring".into())),
            client: ClientInfo { ip: None, user_agent: None },
            filed_by: Some((Actor { user_id: None, label: REPORTER_NAME.into(), ip: None }, Channel::Monitoring)),
        },
    )
    .await?;
    let id = ticket::Entity::find()
        .filter(ticket::Column::Code.eq(receipt.ticket_code.clone()))
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?
        .id;
    let txn = state.db.begin().await?;
    crate::services::audit::record(
        &txn,
        &Actor::system(),
        "monitor.finding",
        Some(format!("ticket:{}", receipt.ticket_code)),
        json!({"monitor": m.id, "kind": f.kind.as_str(), "url": m.url}),
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// Checks one claimed monitor in a task of its own: a panic fails that check, not the job.
pub async fn check_isolated(
    state: actix_web::web::Data<AppState>,
    m: monitor::Model,
) -> Result<Vec<Finding>, ApiError> {
    let id = m.id;
    match tokio::spawn(async move { check(&state, m).await }).await {
        Ok(result) => result,
        Err(e) => Err(ApiError::Internal(anyhow::anyhow!("monitoring: the check of monitor {id} stopped: {e}"))),
    }
}

/// The job: every `tick`, claims one due URL at a time (so a claim's lease covers one check) and
/// checks it.
pub fn spawn(state: actix_web::web::Data<AppState>) {
    let settings = &state.settings.monitor;
    if !settings.worker {
        return;
    }
    let every = settings.tick;
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            loop {
                let due = match claim(&state, None, 1).await {
                    Ok(due) => due,
                    Err(e) => {
                        tracing::error!(error = %e.log_chain(), "monitoring: claim failed");
                        break;
                    }
                };
                let Some(m) = due.into_iter().next() else { break };
                let id = m.id;
                if let Err(e) = check_isolated(state.clone(), m).await {
                    tracing::error!(error = %e.log_chain(), monitor = id, "monitoring: check failed");
                }
            }
        }
    });
}
