//! Statistics, exports and operations over HTTP: figures against a seeded set with known answers,
//! the 100,000-ticket case, CSV with non-ASCII names, the monthly recap PDF, and `/metrics`.

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, Iterable};
use serde_json::{Value, json};
use ttis_api::entities::ticket;
use ttis_tests::must::{ResponseExt, array_at, str_at};
use ttis_tests::{Backend, TestApp, db_tests, pdf_text, sample_report};

db_tests!(statistics_exports_and_recap_match_a_known_set, statistics_stay_in_the_database_with_100000_tickets);

async fn file(app: &TestApp, report: Value) -> String {
    let receipt: Value = app.submit_json(&report).await.json_body().await;
    str_at(&receipt, "/ticket_code").to_string()
}

fn count_of(list: &Value, key: &str) -> u64 {
    list.as_array().and_then(|l| l.iter().find(|k| k["key"] == key)).and_then(|k| k["count"].as_u64()).unwrap_or(0)
}

async fn text(app: &TestApp, path: &str, token: &str) -> (StatusCode, String, String) {
    let res = app.get(path, Some(token)).await;
    let status = res.status();
    let ct = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    (status, ct, res.text().await.unwrap_or_default())
}

async fn statistics_exports_and_recap_match_a_known_set(app: TestApp) {
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let head = app.head_with_profile("kadis@ttis.test", ttis_tests::HEAD_NAME, ttis_tests::HEAD_NIP).await;
    let admin = app.admin_token().await;
    let me: Value = app.get("/api/v1/auth/me", Some(&analyst)).await.json_body().await;
    let pse = json!({"name": "Dinas Pendidikan", "head_name": "K", "head_title": "Kepala Dinas Pendidikan",
        "emails": ["disdik@kukarkab.go.id"], "assets": [{"kind": "exact_host", "value": "disdik.kukarkab.go.id"}]});
    app.send_json(Method::POST, "/api/v1/pses", Some(&admin), &pse).await;

    // A: valid, approved and delivered. B: a duplicate of A from José Núñez. C: spam. D: still open.
    let a = file(&app, sample_report()).await;
    let mut b_report = sample_report();
    b_report["category"] = json!("phishing");
    b_report["reporter"]["name"] = json!("José Núñez");
    let b = file(&app, b_report).await;
    let c = file(&app, sample_report()).await;
    let d = file(&app, sample_report()).await;
    let analysis = json!({"category": "web_defacement", "severity": "tinggi",
        "meeting": {"date": "2026-11-28", "attendees": [me["id"]], "decision": "Sesuai.", "minutes": "Diperiksa."},
        "findings": "Halaman utama diganti.", "recommendations": "Pulihkan dari cadangan."});
    app.act_ok(&analyst, &a, json!({"action": "start_verification"})).await;
    app.act_ok(&analyst, &a, json!({"action": "verify", "analysis": analysis})).await;
    app.act_ok(&analyst, &a, json!({"action": "submit_for_approval"})).await;
    app.act_ok(&head, &a, ttis_tests::approve()).await;
    app.act_ok(&analyst, &b, json!({"action": "reject", "reason": "duplicate", "duplicate_of": a})).await;
    app.act_ok(&analyst, &c, json!({"action": "start_verification"})).await;
    app.act_ok(&analyst, &c, json!({"action": "reject", "reason": "spam"})).await;
    let deadline = Instant::now() + Duration::from_secs(20);
    while app.count("tickets WHERE state = 'completed'").await < 1 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    assert_eq!(app.get("/api/v1/stats", Some(&admin)).await.status(), StatusCode::FORBIDDEN);
    let s: Value = app.get("/api/v1/stats", Some(&analyst)).await.json_body().await;
    assert_eq!(s["total"], 4, "{s}");
    assert_eq!(count_of(&s["by_category"], "web_defacement"), 3);
    assert_eq!(count_of(&s["by_category"], "phishing"), 1);
    assert_eq!(s["by_category"][0]["label"]["id"], "Web Defacement (Deface)");
    assert_eq!(count_of(&s["outcomes"], "valid"), 1);
    assert_eq!(count_of(&s["outcomes"], "rejected:duplicate"), 1);
    assert_eq!(count_of(&s["outcomes"], "rejected:spam"), 1);
    assert_eq!(count_of(&s["outcomes"], "open"), 1);
    assert_eq!(count_of(&s["by_severity"], "tinggi"), 1);
    assert_eq!(count_of(&s["by_severity"], "none"), 3);
    assert_eq!(count_of(&s["by_reporter_type"], "researcher"), 4);
    assert_eq!(s["top_pses"][0]["label"]["id"], "Dinas Pendidikan");
    assert_eq!(s["top_pses"][0]["count"], 4);
    assert_eq!(count_of(&s["open_by_age"], "lt_1d"), 1, "only D is still open");
    let open_state: Value = app.get(&format!("/api/v1/tickets/{d}"), Some(&analyst)).await.json_body().await;
    assert_eq!(open_state["state"], "submitted");
    let steps = array_at(&s, "/steps").clone();
    let step = |n: u64| steps.iter().find(|x| x["step"] == n).cloned().unwrap_or_default();
    assert_eq!(step(4)["count"], 3, "A verified, B and C rejected");
    assert_eq!(step(4)["within_standard"], 1.0);
    assert_eq!(step(7)["count"], 1);
    assert_eq!(step(9)["count"], 1, "A was delivered");
    assert!(step(4)["median_seconds"].as_i64().is_some());
    let months = array_at(&s, "/per_month").clone();
    let this_month =
        chrono::Utc::now().with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap_or(chrono::Utc.fix()));
    let key = this_month.format("%Y-%m").to_string();
    assert_eq!(months.len(), this_month.format("%m").to_string().parse::<usize>().unwrap_or(0), "January to now");
    let current = months.iter().find(|m| m["month"] == key.as_str()).cloned().unwrap_or_default();
    assert_eq!(current["total"], 4);
    let filtered: Value = app.get("/api/v1/stats?category=phishing", Some(&analyst)).await.json_body().await;
    assert_eq!(filtered["total"], 1);
    let earlier: Value = app.get("/api/v1/stats?from=2020-01-01&to=2020-12-31", Some(&analyst)).await.json_body().await;
    assert_eq!(earlier["total"], 0);
    assert_eq!(earlier["per_month"].as_array().map(Vec::len), Some(12));

    // CSV of the queue: BOM, header, one row per ticket, characters intact, `;` on request.
    let (status, ct, body) = text(&app, "/api/v1/tickets/export.csv?sep=semicolon", &analyst).await;
    assert_eq!(status, StatusCode::OK);
    assert!(ct.starts_with("text/csv"), "{ct}");
    assert!(body.starts_with('\u{feff}'), "UTF-8 with BOM");
    let lines: Vec<&str> = body.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines[0].starts_with("kode_tiket;diterima;judul;kategori"));
    assert_eq!(lines.len(), 5, "{body}");
    assert!(lines.iter().any(|l| l.contains(&b) && l.contains("José Núñez") && l.contains("Tidak sesuai")));
    let (_, _, rejected) = text(&app, "/api/v1/tickets/export.csv?state=rejected", &analyst).await;
    assert_eq!(rejected.lines().count(), 3, "header and the two rejected");
    assert!(rejected.lines().next().unwrap_or_default().contains(','), "comma by default");
    assert_eq!(text(&app, "/api/v1/tickets/export.csv?sep=tab", &analyst).await.0, StatusCode::BAD_REQUEST);
    assert_eq!(app.count("audit_log WHERE action = 'tickets.export'").await, 2);
    let (status, _, body) = text(&app, "/api/v1/stats/export.csv?sep=semicolon", &analyst).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("kategori;web_defacement;Web Defacement (Deface);3"), "{body}");
    assert!(body.contains("hasil;rejected:spam;Tidak sesuai: spam;1"), "{body}");

    // The monthly recap.
    let res = app.get(&format!("/api/v1/stats/recap.pdf?month={key}"), Some(&head)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let pdf = res.body_bytes().await;
    let recap = pdf_text(&pdf);
    assert!(recap.contains("REKAPITULASI LAPORAN INSIDEN SIBER"), "{recap}");
    assert!(
        recap.contains(&format!("November {}", this_month.format("%Y")))
            || recap.contains(&this_month.format("%Y").to_string())
    );
    assert!(recap.contains("Web Defacement (Deface)") && recap.contains("Dinas Pendidikan"), "{recap}");
    assert_eq!(app.get("/api/v1/stats/recap.pdf?month=2026-13", Some(&head)).await.status(), StatusCode::BAD_REQUEST);
}
use chrono::Offset;

/// 100,000 synthetic tickets (and their step times), then one statistics call: it must answer
/// from aggregate queries. The time is printed for the record, not asserted.
async fn statistics_stay_in_the_database_with_100000_tickets(app: TestApp) {
    const N: i64 = 100_000;
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let template = file(&app, sample_report()).await;
    let backend = app.db.get_database_backend();
    // Copy the one real ticket N times with a new code, category, state and submission time.
    let columns: Vec<String> =
        ticket::Column::iter().map(|c| sea_orm::IdenStatic::as_str(&c).to_string()).filter(|c| c != "id").collect();
    let select: Vec<String> = columns
        .iter()
        .map(|c| match c.as_str() {
            "code" => "'S-' || CAST(n AS TEXT)".to_string(),
            "seq" => "n".to_string(),
            "category_code" => {
                "CASE n % 3 WHEN 0 THEN 'phishing' WHEN 1 THEN 'web_defacement' ELSE 'ransomware' END".into()
            }
            "state" => {
                "CASE n % 4 WHEN 0 THEN 'rejected' WHEN 1 THEN 'completed' WHEN 2 THEN 'approved' ELSE 'submitted' END"
                    .into()
            }
            other => format!("t.{other}"),
        })
        .collect();
    let series = match backend {
        sea_orm::DatabaseBackend::Postgres => format!("generate_series(1, {N}) AS s(n)"),
        _ => format!(
            "(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {N}) SELECT n FROM s) AS s"
        ),
    };
    let sql = format!(
        "INSERT INTO tickets ({}) SELECT {} FROM tickets t CROSS JOIN {series} WHERE t.code = '{template}'",
        columns.join(", "),
        select.join(", ")
    );
    let started = Instant::now();
    app.db.execute_unprepared(&sql).await.unwrap_or_else(|e| panic!("seeding: {e}"));
    let (seconds, truth) = ("((id * 7919) % 86400)", "(id % 3 <> 0)");
    app.db
        .execute_unprepared(&format!(
            "INSERT INTO ticket_steps (ticket_id, step, started_at, ended_at, seconds, within) \
             SELECT id, 4, submitted_at, submitted_at, {seconds}, {truth} FROM tickets WHERE code LIKE 'S-%'"
        ))
        .await
        .unwrap_or_else(|e| panic!("seeding steps: {e}"));
    println!("seeded {N} tickets on {:?} in {:?}", app.backend, started.elapsed());
    assert_eq!(app.count("tickets").await, N + 1);

    let started = Instant::now();
    let res = app.get("/api/v1/stats", Some(&analyst)).await;
    let elapsed = started.elapsed();
    assert_eq!(res.status(), StatusCode::OK);
    let s: Value = res.json_body().await;
    println!("GET /stats over {} tickets on {:?}: {elapsed:?}", N + 1, app.backend);
    assert_eq!(s["total"], N + 1);
    assert_eq!(count_of(&s["by_category"], "phishing"), (N / 3) as u64);
    assert_eq!(count_of(&s["outcomes"], "rejected:not_valid"), (N / 4) as u64, "rejected without a reason on record");
    let step4 = s["steps"].as_array().and_then(|st| st.iter().find(|x| x["step"] == 4)).cloned().unwrap_or_default();
    assert_eq!(step4["count"], N);
    let share = step4["within_standard"].as_f64().unwrap_or(0.0);
    assert!((share - 2.0 / 3.0).abs() < 0.01, "{share}");
    let median = step4["median_seconds"].as_i64().unwrap_or(0);
    assert!((40_000..46_000).contains(&median), "the median of a near-uniform 0..86400 spread: {median}");
}

/// `/metrics` is refused without the token (or an allowed network) and, with it, shows the
/// request counter of report submissions moving, labelled with this process's instance, and the
/// database's gauges marked as such.
#[tokio::test]
async fn metrics_need_the_token_and_count_submissions() {
    let app = TestApp::spawn_with(Backend::Sqlite, |env| {
        env.insert("TTIS_METRICS_TOKEN".into(), "scrape-token-for-tests".into());
        env.insert("TTIS_INSTANCE".into(), "replika-a".into());
    })
    .await;
    let anonymous = app.client.get(app.url("/metrics")).send().await.map(|r| r.status());
    assert_eq!(anonymous.unwrap_or(StatusCode::IM_A_TEAPOT), StatusCode::FORBIDDEN);
    let wrong = app.client.get(app.url("/metrics")).bearer_auth("nope").send().await.map(|r| r.status());
    assert_eq!(wrong.unwrap_or(StatusCode::IM_A_TEAPOT), StatusCode::FORBIDDEN);
    let scrape = || async {
        let res = app.client.get(app.url("/metrics")).bearer_auth("scrape-token-for-tests").send().await;
        let res = res.unwrap_or_else(|e| panic!("scrape: {e}"));
        assert_eq!(res.status(), StatusCode::OK);
        res.text().await.unwrap_or_default()
    };
    let submissions = |body: &str| -> u64 {
        body.lines()
            .filter(|l| {
                l.starts_with(
                    "ttis_http_requests_total{instance=\"replika-a\",method=\"POST\",route=\"/api/v1/reports\",status=\"201\"}",
                )
            })
            .filter_map(|l| l.rsplit(' ').next().and_then(|n| n.parse::<u64>().ok()))
            .sum()
    };
    app.submit_json(&sample_report()).await;
    let before = scrape().await;
    assert_eq!(submissions(&before), 1, "{before}");
    assert!(before.contains("ttis_tickets{scope=\"database\",state=\"submitted\"} 1"), "{before}");
    assert!(before.contains(
        "ttis_http_request_duration_seconds_bucket{instance=\"replika-a\",method=\"POST\",route=\"/api/v1/reports\""
    ));
    assert!(before.contains("ttis_outbox_messages{scope=\"database\",status="));
    assert!(before.contains("ttis_instance_info{instance=\"replika-a\",store=\"file\",rate_limits=\"memory\"} 1"));
    app.submit_json(&sample_report()).await;
    let after = scrape().await;
    assert_eq!(submissions(&after), 2);
    assert!(after.contains("ttis_tickets{scope=\"database\",state=\"submitted\"} 2"));
    assert!(after.contains("ttis_tickets_overdue{scope=\"database\"} 0"));
}
