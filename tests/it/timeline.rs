//! The timeline as data: each entry carries a typed event (its kind and parameters) and only the
//! text a person wrote, so the same JSON serves a reader in either language; entries written
//! before the events existed are recognised by the migration.

use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::MigratorTrait;
use serde_json::{Value, json};
use ttis_api::migrations::Migrator;
use ttis_tests::must::{ResponseExt, array_at, str_at};
use ttis_tests::{TestApp, db_tests, sample_analysis, sample_report};

db_tests!(
    timeline_entries_are_events_and_the_words_people_wrote,
    the_reporter_sees_the_same_events_in_either_language,
    entries_written_before_the_events_are_recognised,
);

async fn report(app: &TestApp) -> (String, String) {
    let res = app.submit_json(&sample_report()).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let r: Value = res.json_body().await;
    (str_at(&r, "/ticket_code").into(), str_at(&r, "/access_key").into())
}

/// The ticket as staff see it, asked in one language.
async fn detail_in(app: &TestApp, token: &str, code: &str, lang: &str) -> Value {
    app.client
        .get(app.url(&format!("/api/v1/tickets/{code}")))
        .bearer_auth(token)
        .header("Accept-Language", lang)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .json_body()
        .await
}

fn entries(detail: &Value) -> Vec<Value> {
    array_at(detail, "/timeline").clone()
}

/// The one entry of `kind` whose event has `type` (or which has no event, with `None`).
fn entry(detail: &Value, kind: &str, event: Option<&str>) -> Value {
    let found: Vec<Value> =
        entries(detail).into_iter().filter(|e| e["kind"] == kind && e["event"]["type"].as_str() == event).collect();
    assert_eq!(found.len(), 1, "one {kind} entry with event {event:?} in {}", detail["timeline"]);
    found.into_iter().next().unwrap_or_default()
}

async fn timeline_entries_are_events_and_the_words_people_wrote(app: TestApp) {
    let t = app.team().await;
    let (code, key) = report(&app).await;
    let path = |rest: &str| format!("/api/v1/tickets/{code}{rest}");
    // The analyst claims it, the head assigns it with a disposition.
    app.send_json(Method::POST, &path("/assignment"), Some(&t.analyst), &json!({})).await;
    let instruction = "Segera koordinasi dengan PSE.";
    let assign = json!({"assignee_id": t.analyst_id, "instruction": instruction, "priority": "segera", "due_date": "2026-12-01"});
    assert_eq!(
        app.send_json(Method::POST, &path("/assignment"), Some(&t.head), &assign).await.status(),
        StatusCode::OK
    );
    app.act_ok(&t.analyst, &code, json!({"action": "start_verification"})).await;
    let question = "Mohon kirim tangkapan layar halaman yang diubah.";
    app.act_ok(&t.analyst, &code, json!({"action": "request_info", "message": question})).await;
    let answer = "Terlampir, pukul 07.45 WITA.";
    let info = json!({"ticket_code": code, "access_key": key, "message": answer});
    let form = reqwest::multipart::Form::new()
        .text("info", info.to_string())
        .part("evidence", reqwest::multipart::Part::bytes(b"07:45 halaman berubah\n".to_vec()).file_name("a.txt"))
        .part("evidence", reqwest::multipart::Part::bytes(b"07:46 menu hilang\n".to_vec()).file_name("b.txt"));
    let res = app.client.post(app.url("/api/v1/reports/info")).multipart(form).send().await;
    assert_eq!(res.map(|r| r.status()).ok(), Some(StatusCode::OK));
    app.act_ok(&t.analyst, &code, json!({"action": "verify", "analysis": sample_analysis(t.analyst_id)})).await;
    let detail = app.ticket(&t.analyst, &code).await;
    let mut drafts = json!({"letter": detail["drafts"]["drafts"]["letter"], "certificate": detail["drafts"]["drafts"]["certificate"]});
    drafts["letter"]["summary"] = json!("Situs Dinas Pendidikan diubah melalui webshell.");
    assert_eq!(app.send_json(Method::PUT, &path("/drafts"), Some(&t.analyst), &drafts).await.status(), StatusCode::OK);

    // A second report is rejected as spam, with the team's own words.
    let (spam, _) = report(&app).await;
    let words = "Tautan di laporan ini mengarah ke iklan.";
    app.act_ok(&t.analyst, &spam, json!({"action": "reject", "reason": "spam", "message": words})).await;

    let detail = detail_in(&app, &t.analyst, &code, "id").await;
    let claimed = entry(&detail, "assignment", Some("claimed"));
    assert_eq!(claimed["event"], json!({"type": "claimed"}));
    assert_eq!(
        (&claimed["actor"], &claimed["author"], &claimed["body"]),
        (&json!("staff"), &json!("Test User"), &Value::Null)
    );
    let assigned = entry(&detail, "assignment", Some("assigned"));
    assert_eq!(
        assigned["event"],
        json!({"type": "assigned", "assignee": "Test User", "priority": "segera", "due_date": "2026-12-01"})
    );
    assert_eq!(assigned["body"], instruction, "the instruction as the head wrote it");
    let reply = entry(&detail, "reply", Some("info_provided"));
    assert_eq!(reply["event"], json!({"type": "info_provided", "files": 2}));
    assert_eq!((&reply["actor"], &reply["author"], &reply["body"]), (&json!("reporter"), &json!(""), &json!(answer)));
    let updated = entry(&detail, "note", Some("drafts_updated"));
    assert_eq!(updated["event"], json!({"type": "drafts_updated", "revision": 2}));
    assert_eq!(
        (&updated["body"], &updated["public"], &updated["author"]),
        (&Value::Null, &json!(false), &json!("Test User"))
    );

    // Every text on the timeline is one a person wrote.
    let mut bodies: Vec<String> =
        entries(&detail).iter().filter_map(|e| e["body"].as_str().map(str::to_string)).collect();
    bodies.sort_unstable();
    let mut written = vec![instruction.to_string(), question.to_string(), answer.to_string()];
    written.sort_unstable();
    assert_eq!(bodies, written);
    // The same JSON whatever the reader's language: the words are the SPA's.
    let in_english = detail_in(&app, &t.analyst, &code, "en").await;
    assert_eq!(in_english["timeline"], detail["timeline"]);

    let rejected = detail_in(&app, &t.analyst, &spam, "en").await;
    let closing = entry(&rejected, "state_change", Some("rejected_as"));
    assert_eq!(closing["event"], json!({"type": "rejected_as", "reason": "spam"}));
    assert_eq!((&closing["to_state"], &closing["body"]), (&json!("rejected"), &json!(words)));
}

async fn the_reporter_sees_the_same_events_in_either_language(app: TestApp) {
    let t = app.team().await;
    let (code, key) = report(&app).await;
    app.send_json(Method::POST, &format!("/api/v1/tickets/{code}/assignment"), Some(&t.analyst), &json!({})).await;
    app.act_ok(&t.analyst, &code, json!({"action": "reject", "reason": "out_of_scope"})).await;
    let status = |lang: &'static str| {
        let body = json!({"ticket_code": code, "access_key": key});
        let req = app.client.post(app.url("/api/v1/reports/status")).header("Accept-Language", lang).json(&body);
        async move { req.send().await.unwrap_or_else(|e| panic!("{e}")).json_body::<Value>().await }
    };
    let (id, en) = (status("id").await, status("en").await);
    assert_eq!(id["timeline"], en["timeline"], "one timeline for both languages");
    let timeline = array_at(&id, "/timeline").clone();
    assert_eq!(timeline.len(), 2, "submitted and rejected; the claim is staff-only: {timeline:?}");
    let last = timeline.last().cloned().unwrap_or_default();
    assert_eq!(last["event"], json!({"type": "rejected_as", "reason": "out_of_scope"}));
    assert!(last.get("body").is_none(), "no text was written, so none is shown: {last}");
    assert_eq!(last["state_label"], json!({"id": "Tidak sesuai (ditolak)", "en": "Rejected"}));
}

/// Rolls the timeline migration back, writes entries as the services wrote them before, and
/// runs it again.
async fn entries_written_before_the_events_are_recognised(app: TestApp) {
    let t = app.team().await;
    let (code, _) = report(&app).await;
    ttis_tests::migrate_down_to_before(&app.db, "m20261206_000013_timeline_events").await;
    let legacy = [
        ("note", "NULL", "Draf surat dan sertifikat diperbarui (revisi 2)"),
        ("state_change", "'rejected'", "duplicate: Sama dengan laporan kemarin."),
        ("state_change", "'completed'", "Surat dan sertifikat terkirim / Letter and certificate delivered"),
        ("reply", "NULL", "Terlampir. (+2 berkas / files)"),
        ("assignment", "NULL", "Test User mengambil tiket ini / claimed this ticket"),
        ("assignment", "NULL", "Disposisi kepada Test User: Cek log server. (batas 2026-12-01)"),
        ("note", "NULL", "Catatan biasa: revisi 2 menyusul."),
    ];
    for (kind, to_state, body) in legacy {
        let sql = format!(
            "INSERT INTO ticket_events (ticket_id, at, kind, from_state, to_state, actor_user_id, actor_label, body, public) \
             SELECT ticket_id, at, '{kind}', NULL, {to_state}, {actor}, 'Test User', '{body}', FALSE \
             FROM ticket_events WHERE id = (SELECT MIN(id) FROM ticket_events)",
            actor = t.analyst_id,
        );
        app.db
            .execute(Statement::from_string(app.db.get_database_backend(), sql))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
    Migrator::up(&app.db, None).await.unwrap_or_else(|e| panic!("up: {e}"));

    let detail = app.ticket(&t.analyst, &code).await;
    let events: Vec<(Value, Value)> = entries(&detail)
        .into_iter()
        .filter(|e| e["author"] == "Test User")
        .map(|e| (e["event"].clone(), e["body"].clone()))
        .collect();
    assert_eq!(
        events,
        vec![
            (json!({"type": "drafts_updated", "revision": 2}), Value::Null),
            (json!({"type": "rejected_as", "reason": "duplicate"}), json!("Sama dengan laporan kemarin.")),
            (json!({"type": "delivered"}), Value::Null),
            (json!({"type": "info_provided", "files": 2}), json!("Terlampir.")),
            (json!({"type": "claimed"}), Value::Null),
            (json!({"type": "assigned", "assignee": "Test User", "due_date": "2026-12-01"}), json!("Cek log server.")),
            (Value::Null, json!("Catatan biasa: revisi 2 menyusul.")),
        ]
    );
}

/// The reporter's tracking page words the events in the reader's language: the rejection's
/// reason and the files added to an answer, beside the texts as people wrote them.
#[tokio::test]
async fn the_tracking_page_words_the_events_in_the_readers_language() {
    let index = ttis_tests::workspace_root().join("web/dist/index.html");
    assert!(index.exists(), "the SPA is not built ({}); run `cargo xtask build-web`", index.display());
    let app = TestApp::spawn(ttis_tests::Backend::Sqlite).await;
    let t = app.team().await;
    let (code, key) = report(&app).await;
    app.act_ok(&t.analyst, &code, json!({"action": "start_verification"})).await;
    app.act_ok(&t.analyst, &code, json!({"action": "request_info", "message": "Kirim tangkapan layar."})).await;
    let info = json!({"ticket_code": code, "access_key": key, "message": "Ini buktinya."});
    let form = reqwest::multipart::Form::new()
        .text("info", info.to_string())
        .part("evidence", reqwest::multipart::Part::bytes(b"bukti\n".to_vec()).file_name("a.txt"))
        .part("evidence", reqwest::multipart::Part::bytes(b"bukti lain\n".to_vec()).file_name("b.txt"));
    let res = app.client.post(app.url("/api/v1/reports/info")).multipart(form).send().await;
    assert_eq!(res.map(|r| r.status()).ok(), Some(StatusCode::OK));
    let words = "Tautan di laporan ini mengarah ke iklan.";
    app.act_ok(&t.analyst, &code, json!({"action": "reject", "reason": "spam", "message": words})).await;

    let browser = ttis_tests::browser::Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        browser.client.goto(&app.url("/track")).await?;
        browser.find("#track-code").await?.send_keys(&code).await?;
        browser.find("#track-key").await?.send_keys(&key).await?;
        browser.find("#track-submit").await?.click().await?;
        let text = browser.wait_for_text("#track-timeline", "Alasan: Spam").await?;
        anyhow::ensure!(text.contains("2 berkas bukti ditambahkan") && text.contains(words), "{text}");
        browser.find("#lang-switch").await?.click().await?;
        let text = browser.wait_for_text("#track-timeline", "Reason: Spam").await?;
        anyhow::ensure!(text.contains("2 evidence files added") && text.contains("Ini buktinya."), "{text}");
        anyhow::ensure!(!text.contains("Alasan") && !text.contains("berkas"), "no Indonesian words left: {text}");
        browser.keep_screenshot("track-timeline-en").await;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    browser.finish(result).await;
}
