//! Personal-data incidents (UU PDP No. 27/2022) over HTTP: the analyst's answer at verification
//! starts a 72-hour clock in real hours, the letter to the PSE states the controller's
//! obligations with the deadline in the deployment's zone, the queue filters the overdue ones,
//! and the PSE's one-time link records when it notified the data subjects and the authority.

use std::time::Duration;

use chrono::{DateTime, Datelike, FixedOffset, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use ttis_tests::must::{ResponseExt, str_at};
use ttis_tests::smtp::SmtpServer;
use ttis_tests::{Backend, TestApp, db_tests, pdf_text, problem, sample_analysis, sample_report};

db_tests!(a_personal_data_incident_runs_its_72_hours_from_verification_to_the_pses_confirmation);

fn at(v: &Value) -> DateTime<Utc> {
    v.as_str().and_then(|s| DateTime::parse_from_rfc3339(s).ok()).map(|d| d.to_utc()).unwrap_or_default()
}

/// `4 Desember 2026 pukul 09.15 WITA`, written here independently of the server's code.
fn wita(at: DateTime<Utc>) -> String {
    const MONTHS: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    let local = at.with_timezone(&FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| panic!("UTC+8")));
    format!("{} {} {} pukul {} WITA", local.day(), MONTHS[local.month0() as usize], local.year(), local.format("%H.%M"))
}

async fn spawn_with_smtp(backend: Backend, smtp: &SmtpServer) -> TestApp {
    let url = smtp.url();
    TestApp::spawn_with(backend, move |env| {
        env.insert("TTIS_SMTP_URL".into(), url);
        env.insert("TTIS_OUTBOX_RETRY_SECS".into(), "1".into());
    })
    .await
}

async fn file(app: &TestApp, personal_data: bool, asset: &str) -> String {
    let mut report = sample_report();
    report["personal_data_involved"] = json!(personal_data);
    report["affected_asset"] = json!(asset);
    let res = app.submit_multipart(&report, vec![]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    str_at(&res.json_body::<Value>().await, "/ticket_code").to_string()
}

async fn queue(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    let list: Value = app.get(&format!("/api/v1/tickets?{query}"), Some(token)).await.json_body().await;
    list["items"]
        .as_array()
        .map(|i| i.iter().map(|t| t["code"].as_str().unwrap_or("").to_string()).collect())
        .unwrap_or_default()
}

async fn a_personal_data_incident_runs_its_72_hours_from_verification_to_the_pses_confirmation(backend: TestApp) {
    let smtp = SmtpServer::start(0).await;
    let app = spawn_with_smtp(backend.backend, &smtp).await;
    drop(backend);
    let t = app.team().await;
    let admin = app.admin_token().await;
    let pse = json!({"name": "Dinas Kesehatan", "head_name": "Kepala", "head_title": "Kepala Dinas Kesehatan",
        "emails": ["dinkes@kukarkab.go.id"], "assets": [{"kind": "exact_host", "value": "dinkes.kukarkab.go.id"}]});
    assert_eq!(app.send_json(Method::POST, "/api/v1/pses", Some(&admin), &pse).await.status(), StatusCode::CREATED);

    // The reporter did not know; the team finds patients' records in the leak and says so.
    let code = file(&app, false, "https://dinkes.kukarkab.go.id/rekam-medis").await;
    let plain = file(&app, true, "https://dinkes.kukarkab.go.id/berita").await;
    app.act_ok(&t.analyst, &code, json!({"action": "start_verification"})).await;
    let mut analysis = sample_analysis(t.analyst_id);
    analysis["category"] = json!("personal_data_leak");
    analysis["personal_data_involved"] = json!(true);
    let verified_at = Utc::now();
    let detail = app.act_ok(&t.analyst, &code, json!({"action": "verify", "analysis": analysis})).await;
    assert_eq!(detail["personal_data_involved"], false, "the reporter's answer stays");
    let pdp = &detail["pdp"];
    let (started, due) = (at(&pdp["started_at"]), at(&pdp["due_at"]));
    assert!((started - verified_at).num_seconds().abs() < 30, "{pdp}");
    assert_eq!(due - started, chrono::Duration::hours(72), "real hours, weekends included");
    assert_eq!((&pdp["overdue"], &pdp["confirmed_at"]), (&json!(false), &Value::Null));
    // And the other way: the reporter said yes, the team finds none.
    app.act_ok(&t.analyst, &plain, json!({"action": "start_verification"})).await;
    let mut none = sample_analysis(t.analyst_id);
    none["personal_data_involved"] = json!(false);
    let other = app.act_ok(&t.analyst, &plain, json!({"action": "verify", "analysis": none})).await;
    assert_eq!((&other["personal_data_involved"], &other["pdp"]), (&json!(true), &Value::Null));

    // The letter's draft states the obligations with the deadline in WITA; the other has none.
    let letter = |d: &Value| {
        d["documents"].as_array().and_then(|x| x.iter().find(|x| x["kind"] == "notification_letter").cloned())
    };
    let draft = letter(&detail).unwrap_or_else(|| panic!("no letter draft"));
    let text =
        pdf_text(&app.document_pdf(&t.analyst, &code, &draft).await).split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Kewajiban pengendali data pribadi.".to_string(),
        "Pasal 46 Undang-Undang Nomor 27 Tahun 2022".to_string(),
        format!("sampai dengan {}", wita(due)),
        "subjek data pribadi yang terdampak".to_string(),
        "data pribadi yang terungkap".to_string(),
        "Mohon Saudara menyampaikan kepada Tim TTIS".to_string(),
    ] {
        assert!(text.contains(&expected), "no {expected:?} in the letter:\n{text}");
    }
    let other_letter = letter(&other).unwrap_or_else(|| panic!("no letter draft"));
    assert!(!pdf_text(&app.document_pdf(&t.analyst, &plain, &other_letter).await).contains("pengendali data pribadi"));

    // The queue shows it and filters it; overdue only once the 72 hours have passed.
    assert_eq!(queue(&app, &t.analyst, "pdp=any").await, vec![code.clone()]);
    assert!(queue(&app, &t.analyst, "pdp=overdue").await.is_empty());
    let bad = app.get("/api/v1/tickets?pdp=soon", Some(&t.analyst)).await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    app.act_ok(&t.analyst, &code, json!({"action": "submit_for_approval"})).await;
    app.act_ok(&t.head, &code, ttis_tests::approve()).await;
    app.clock.advance(chrono::Duration::hours(72) + chrono::Duration::minutes(1));
    assert_eq!(queue(&app, &t.head, "pdp=overdue").await, vec![code.clone()], "the head's list");
    let list: Value = app.get("/api/v1/tickets?pdp=any", Some(&t.head)).await.json_body().await;
    assert_eq!(list["items"][0]["pdp"]["overdue"], true);

    // The PSE's link: the page learns that personal data is involved, and when the 72 hours end.
    let mails = smtp
        .wait_for(Duration::from_secs(30), |m| m.iter().any(|x| x.to.iter().any(|t| t == "dinkes@kukarkab.go.id")))
        .await;
    let body =
        mails.iter().find(|m| m.to.iter().any(|t| t == "dinkes@kukarkab.go.id")).map(|m| m.text()).unwrap_or_default();
    let token: String = body
        .split("/acknowledge#")
        .nth(1)
        .map(|rest| rest.chars().take_while(char::is_ascii_hexdigit).collect())
        .unwrap_or_default();
    assert_eq!(token.len(), 48, "{body}");
    let link: Value = app
        .send_json(Method::POST, "/api/v1/acknowledgements/lookup", None, &json!({"token": token}))
        .await
        .json_body()
        .await;
    assert_eq!((&link["ticket_code"], &link["personal_data"]), (&json!(code), &json!(true)));
    assert_eq!(at(&link["pdp_due_at"]), due);
    assert!(link["acknowledgement"].is_null());
    let unknown = app.send_json(Method::POST, "/api/v1/acknowledgements/lookup", None, &json!({"token": "00"})).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    // A date in the future is refused and nothing is recorded, not even the receipt.
    let now = app.clock.now();
    let future = json!({"token": token, "subjects_notified_at": (now + chrono::Duration::hours(2)).to_rfc3339()});
    let res = app.send_json(Method::POST, "/api/v1/acknowledgements", None, &future).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(res).await["errors"][0]["code"], "in_future");
    let link: Value = app
        .send_json(Method::POST, "/api/v1/acknowledgements/lookup", None, &json!({"token": token}))
        .await
        .json_body()
        .await;
    assert!(link["acknowledgement"].is_null(), "a refused answer records nothing");

    // Receipt with the subjects' date (given with its offset, in WIB); the authority comes later.
    let subjects = verified_at + chrono::Duration::hours(30);
    let wib = FixedOffset::east_opt(7 * 3600).unwrap_or_else(|| panic!("UTC+7"));
    let first = json!({"token": token, "name": "Admin Dinkes",
        "subjects_notified_at": subjects.with_timezone(&wib).to_rfc3339()});
    let res = app.send_json(Method::POST, "/api/v1/acknowledgements", None, &first).await;
    assert_eq!(res.status(), StatusCode::OK);
    let ack: Value = res.json_body().await;
    assert_eq!(at(&ack["subjects_notified_at"]).timestamp(), subjects.timestamp());
    assert!(ack["authority_notified_at"].is_null());
    let detail = app.ticket(&t.analyst, &code).await;
    assert_eq!((&detail["pdp"]["overdue"], &detail["pdp"]["confirmed_at"]), (&json!(true), &Value::Null));

    // Later, the same link brings the authority's date: the clock stops.
    let authority = now - chrono::Duration::seconds(20);
    let second = json!({"token": token, "authority_notified_at": authority.to_rfc3339()});
    let res = app.send_json(Method::POST, "/api/v1/acknowledgements", None, &second).await;
    assert_eq!(res.status(), StatusCode::OK);
    let ack: Value = res.json_body().await;
    assert_eq!(at(&ack["authority_notified_at"]).timestamp(), authority.timestamp(), "the answer carries the new date");
    assert!(!ack["subjects_notified_at"].is_null());
    let detail = app.ticket(&t.analyst, &code).await;
    let pdp = &detail["pdp"];
    assert_eq!(at(&pdp["authority_notified_at"]).timestamp(), authority.timestamp());
    assert!(!pdp["confirmed_at"].is_null(), "{pdp}");
    assert_eq!((&pdp["overdue"], &pdp["notified_in_time"]), (&json!(false), &json!(false)), "the authority heard late");
    assert!(queue(&app, &t.head, "pdp=overdue").await.is_empty());
    let events: Vec<Value> = detail["timeline"]
        .as_array()
        .map(|t| t.iter().filter(|e| e["event"]["type"] == "pdp_notified").map(|e| e["event"].clone()).collect())
        .unwrap_or_default();
    assert_eq!(
        events,
        vec![json!({"type": "pdp_notified", "complete": false}), json!({"type": "pdp_notified", "complete": true})]
    );
    // Nothing is left to give: the link is used up.
    let again = app.send_json(Method::POST, "/api/v1/acknowledgements", None, &second).await;
    assert_eq!(problem(again).await["code"], "wrong_state");
    assert_eq!(app.count("audit_log WHERE action = 'ticket.pdp_notified'").await, 2);
    assert_eq!(app.count("audit_log WHERE action = 'ticket.pdp_decided'").await, 2, "both answers that differ");

    // A PSE without an address for the link tells the team by phone: staff record the dates.
    let phoned = file(&app, true, "https://puskesmas.example/").await;
    app.act_ok(&t.analyst, &phoned, json!({"action": "start_verification"})).await;
    app.act_ok(&t.analyst, &phoned, json!({"action": "verify", "analysis": sample_analysis(t.analyst_id)})).await;
    let path = format!("/api/v1/tickets/{phoned}/pdp-notices");
    let both = json!({"subjects_notified_at": (now - chrono::Duration::hours(3)).to_rfc3339(),
        "authority_notified_at": (now - chrono::Duration::hours(2)).to_rfc3339()});
    assert_eq!(app.send_json(Method::POST, &path, None, &both).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.send_json(Method::POST, &path, Some(&admin), &both).await.status(), StatusCode::FORBIDDEN);
    let res = app.send_json(Method::POST, &path, Some(&t.analyst), &both).await;
    assert_eq!(res.status(), StatusCode::OK);
    let phoned_detail: Value = res.json_body().await;
    assert!(!phoned_detail["pdp"]["confirmed_at"].is_null(), "{}", phoned_detail["pdp"]);
    let again = app.send_json(Method::POST, &path, Some(&t.analyst), &both).await;
    assert_eq!(problem(again).await["code"], "wrong_state", "nothing left to record");
    let none =
        app.send_json(Method::POST, &format!("/api/v1/tickets/{plain}/pdp-notices"), Some(&t.analyst), &both).await;
    assert_eq!(problem(none).await["code"], "wrong_state", "no personal data, no notices");

    // The statistics count it and its confirmation time.
    let stats: Value = app.get("/api/v1/stats", Some(&t.head)).await.json_body().await;
    let s = &stats["pdp"];
    assert_eq!((&s["total"], &s["confirmed"], &s["overdue"]), (&json!(2), &json!(2), &json!(0)), "{s}");
    // The first took 72 h 1 min (confirmed late); the phoned one a few seconds after its verification.
    let took = s["p90_confirmation_seconds"].as_i64().unwrap_or_default();
    assert!((took - (72 * 3600 + 60)).abs() < 120, "{s}");
    assert_eq!(s["notified_in_time"], 0.5);
}
