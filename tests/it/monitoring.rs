//! Monitoring the PSE register's web systems over HTTP, against local web servers: each page of
//! the corpus gives exactly its expected finding (or none), a finding becomes a ticket through the
//! intake with the page as evidence, a repeat joins that ticket, failures become one finding only
//! when repeated, the baseline and the mutes work, and two replicas never check one URL twice in
//! an interval.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use ttis_tests::must::{ResponseExt, i64_at, str_at};
use ttis_tests::pages::{PageServer, corpus};
use ttis_tests::{Backend, TestApp, db_tests, problem};

db_tests!(
    each_page_gives_exactly_its_finding_and_findings_become_tickets,
    a_finding_opens_its_ticket_once_across_a_stop
);

async fn spawn(backend: Backend, job: bool) -> TestApp {
    TestApp::spawn_with(backend, move |env| {
        env.insert("TTIS_MONITOR".into(), if job { "on" } else { "off" }.into());
        env.insert("TTIS_MONITOR_TICK_SECS".into(), "1".into());
        env.insert("TTIS_MONITOR_ALLOW_NETWORKS".into(), "127.0.0.1/32".into());
        env.insert("TTIS_MONITOR_TIMEOUT_SECS".into(), "2".into());
    })
    .await
}

async fn pse(app: &TestApp, admin: &str) -> i64 {
    let pse = json!({"name": "Dinas Pendidikan", "head_name": "Kepala", "head_title": "Kepala Dinas Pendidikan",
        "emails": ["disdik@kukarkab.go.id"], "assets": [{"kind": "exact_host", "value": "disdik.kukarkab.go.id"}]});
    let res = app.send_json(Method::POST, "/api/v1/pses", Some(admin), &pse).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    i64_at(&res.json_body::<Value>().await, "/id")
}

async fn watch(app: &TestApp, admin: &str, pse_id: i64, url: &str) -> i64 {
    let res = app
        .send_json(
            Method::POST,
            "/api/v1/monitors",
            Some(admin),
            &json!({"pse_id": pse_id, "url": url, "interval_minutes": 30}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED, "{url}");
    i64_at(&res.json_body::<Value>().await, "/id")
}

async fn check(app: &TestApp, token: &str, id: i64) -> Value {
    let res = app.send_json(Method::POST, &format!("/api/v1/monitors/{id}/checks"), Some(token), &json!({})).await;
    assert_eq!(res.status(), StatusCode::OK, "check {id}");
    res.json_body().await
}

async fn each_page_gives_exactly_its_finding_and_findings_become_tickets(backend: TestApp) {
    let app = spawn(backend.backend, false).await;
    drop(backend);
    let site = PageServer::start().await;
    for (path, page) in [
        ("/clean", "clean.html"),
        ("/defaced", "defaced.html"),
        ("/gambling", "hidden_gambling.html"),
        ("/farm", "link_farm.html"),
    ] {
        site.set(path, &corpus(page));
    }
    let admin = app.admin_token().await;
    let t = app.team().await;
    let pse_id = pse(&app, &admin).await;
    let mut ids = std::collections::HashMap::new();
    for path in ["/clean", "/defaced", "/gambling", "/farm", "/huge", "/slow", "/down", "/to-private"] {
        ids.insert(path, watch(&app, &admin, pse_id, &site.url(path)).await);
    }
    let bad = app
        .send_json(
            Method::POST,
            "/api/v1/monitors",
            Some(&admin),
            &json!({"pse_id": pse_id, "url": "ftp://x", "interval_minutes": 30}),
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let short = app
        .send_json(
            Method::POST,
            "/api/v1/monitors",
            Some(&admin),
            &json!({"pse_id": pse_id, "url": site.url("/clean"), "interval_minutes": 2}),
        )
        .await;
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY, "at least 5 minutes");

    let res = app
        .send_json(
            Method::POST,
            "/api/v1/monitors",
            Some(&admin),
            &json!({"pse_id": 999_999, "url": site.url("/clean")}),
        )
        .await;
    assert_eq!(
        problem(res).await["errors"][0]["field"],
        "pse_id",
        "a PSE of the register, with an address for the letter"
    );

    // Who may do what.
    assert_eq!(app.get("/api/v1/monitors", None).await.status(), StatusCode::UNAUTHORIZED);
    let clean = ids["/clean"];
    let res = app.send_json(Method::POST, &format!("/api/v1/monitors/{clean}/checks"), Some(&admin), &json!({})).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "administrators keep the list, the team checks");
    let res = app
        .send_json(
            Method::POST,
            "/api/v1/monitors",
            Some(&t.analyst),
            &json!({"pse_id": pse_id, "url": site.url("/x")}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // Each page, checked once: exactly the expected finding, or none.
    let kind = |m: &Value| m["last_finding"]["kind"].as_str().map(str::to_string);
    let m = check(&app, &t.analyst, clean).await;
    assert_eq!((m["status"].as_str(), kind(&m)), (Some("ok"), None), "{m}");
    assert!(!m["baseline_at"].is_null(), "the first clean page is the baseline");
    let m = check(&app, &t.analyst, ids["/huge"]).await;
    assert_eq!((m["status"].as_str(), kind(&m)), (Some("ok"), None), "a 20 MiB page is read to the cap: {m}");
    let m = check(&app, &t.analyst, ids["/defaced"]).await;
    assert_eq!(kind(&m).as_deref(), Some("defacement"), "{m}");
    assert!(m["last_finding"]["excerpt"].as_str().unwrap_or("").contains("HACKED BY GARUDA SEC"), "{m}");
    let defaced_ticket = str_at(&m, "/last_finding/ticket_code").to_string();
    let m = check(&app, &t.analyst, ids["/gambling"]).await;
    assert_eq!(kind(&m).as_deref(), Some("gambling"));
    assert_eq!(m["last_finding"]["places"], json!(["hidden_element", "external_link"]));
    let m = check(&app, &t.analyst, ids["/farm"]).await;
    assert_eq!((kind(&m).as_deref(), &m["last_finding"]["places"]), (Some("gambling"), &json!(["external_link"])));
    let m = check(&app, &t.analyst, ids["/to-private"]).await;
    assert_eq!((m["status"].as_str(), kind(&m)), (Some("error"), None), "{m}");
    let slow = std::time::Instant::now();
    let m = check(&app, &t.analyst, ids["/slow"]).await;
    assert_eq!((m["status"].as_str(), m["last_error"].as_str(), kind(&m)), (Some("error"), Some("timeout"), None));
    assert!(slow.elapsed() < Duration::from_secs(6), "the fetch gives up at its timeout");
    // Failures: one finding only on the third in a row, and not again on the fourth.
    let down = ids["/down"];
    for n in 1..=4 {
        let m = check(&app, &t.analyst, down).await;
        assert_eq!(m["last_error"], "HTTP 503");
        assert_eq!(kind(&m).as_deref(), if n < 3 { None } else { Some("unavailable") }, "check {n}: {m}");
    }
    assert_eq!(app.count(&format!("monitor_findings WHERE monitor_id = {down}")).await, 1);
    assert_eq!(site.hits("/to-private"), 1, "the redirect was not followed");

    // A finding is a ticket of the monitoring channel with the page and the excerpt as evidence.
    let ticket = app.ticket(&t.analyst, &defaced_ticket).await;
    assert_eq!(
        (&ticket["channel"], &ticket["category"], &ticket["state"]),
        (&json!("monitoring"), &json!("web_defacement"), &json!("submitted"))
    );
    assert_eq!(ticket["reporter"]["name"], "Pemantauan otomatis TTIS");
    assert_eq!(ticket["pse"]["id"], pse_id, "the monitor's PSE");
    let files: Vec<&str> = ticket["evidence"]
        .as_array()
        .map(|e| e.iter().filter_map(|x| x["file_name"].as_str()).collect())
        .unwrap_or_default();
    assert!(files.len() == 2 && files[0].starts_with("halaman-") && files[1].starts_with("kutipan-"), "{files:?}");
    // The SLA says the Hall of Fame is not part of it; a citizen's report has the step.
    let steps = |ticket: &Value| -> Vec<i64> {
        ticket["sla"]
            .as_array()
            .map(|rows| rows.iter().filter_map(|r| r["step"].as_i64()).collect())
            .unwrap_or_default()
    };
    assert_eq!(steps(&ticket), vec![1, 2, 3, 4, 5, 6, 7, 9]);
    let citizen: Value = app.submit_json(&ttis_tests::sample_report()).await.json_body().await;
    let citizen = app.ticket(&t.analyst, str_at(&citizen, "/ticket_code")).await;
    assert_eq!(steps(&citizen), (1..=9).collect::<Vec<i64>>());
    assert_eq!(app.count("tickets WHERE channel = 'monitoring'").await, 4, "defaced, gambling, farm, unavailable");

    // A repeat joins the open ticket: the same finding again the same day is not news; a day
    // later it is a note on the ticket's timeline, never a second ticket.
    let repeats = |ticket: &Value| {
        ticket["timeline"]
            .as_array()
            .map(|e| e.iter().filter(|x| x["body"].as_str().is_some_and(|b| b.starts_with("Temuan berulang"))).count())
    };
    check(&app, &t.analyst, ids["/defaced"]).await;
    assert_eq!(repeats(&app.ticket(&t.analyst, &defaced_ticket).await), Some(0));
    app.clock.advance(chrono::Duration::hours(25));
    check(&app, &t.analyst, ids["/defaced"]).await;
    assert_eq!(app.count("tickets WHERE channel = 'monitoring'").await, 4);
    assert_eq!(repeats(&app.ticket(&t.analyst, &defaced_ticket).await), Some(1));

    // The baseline: the clean page replaced without a known phrase is a large change; accepted
    // as the new baseline, it is not; a muted detector says nothing.
    site.set("/clean", "<html><head><title>Dinas Pendidikan</title></head><body><h1>Situs dalam perbaikan</h1><p>Kunjungi kami kembali nanti.</p></body></html>");
    let m = check(&app, &t.analyst, clean).await;
    assert_eq!(kind(&m).as_deref(), Some("changed"), "{m}");
    let res =
        app.send_json(Method::POST, &format!("/api/v1/monitors/{clean}/baseline"), Some(&t.analyst), &json!({})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let m = check(&app, &t.analyst, clean).await;
    assert_eq!(m["status"], "ok", "{m}");
    let mute = json!({"kind": "changed", "reason": "Halaman depan berganti setiap ada pengumuman."});
    let res = app.send_json(Method::PUT, &format!("/api/v1/monitors/{clean}/mutes"), Some(&t.analyst), &mute).await;
    assert_eq!(res.json_body::<Value>().await["mutes"][0]["kind"], "changed");
    site.set(
        "/clean",
        &corpus("defaced.html")
            .replace("Hacked By", "Salam dari")
            .replace("HACKED BY", "SALAM DARI")
            .replace("Greetz", "Salam"),
    );
    let m = check(&app, &t.analyst, clean).await;
    assert_eq!(m["status"], "ok", "the muted detector is silent: {m}");
    let bad = app
        .send_json(
            Method::PUT,
            &format!("/api/v1/monitors/{clean}/mutes"),
            Some(&t.analyst),
            &json!({"kind": "changed", "reason": " "}),
        )
        .await;
    assert_eq!(problem(bad).await["errors"][0]["field"], "reason");

    // The SOP goes on unchanged, without a certificate: letter to the PSE, approval, signature,
    // delivery; no Hall of Fame.
    app.act_ok(&t.analyst, &defaced_ticket, json!({"action": "start_verification"})).await;
    let ask = app.act(&t.analyst, &defaced_ticket, json!({"action": "request_info", "message": "Siapa?"})).await;
    assert_eq!(problem(ask).await["code"], "wrong_state", "the platform cannot answer a question");
    // A team message to the "reporter" goes nowhere: the reporter is the platform.
    let before = app.count("outbox").await;
    let msg = json!({"body": "Sedang kami tangani.", "public": true});
    let res = app
        .send_json(Method::POST, &format!("/api/v1/tickets/{defaced_ticket}/messages"), Some(&t.analyst), &msg)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.count("outbox").await, before, "no mail to the agency's own report address");
    let offered = app.ticket(&t.analyst, &defaced_ticket).await["allowed_actions"].clone();
    assert!(!offered.to_string().contains("request_info"), "nor is it offered: {offered}");
    let detail = app
        .act_ok(
            &t.analyst,
            &defaced_ticket,
            json!({"action": "verify", "analysis": ttis_tests::sample_analysis(t.analyst_id)}),
        )
        .await;
    let kinds = |d: &Value| -> Vec<String> {
        let mut k: Vec<String> = d["documents"]
            .as_array()
            .map(|x| x.iter().filter_map(|d| d["kind"].as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        k.sort();
        k.dedup();
        k
    };
    assert_eq!(
        kinds(&detail),
        vec!["analysis_report".to_string(), "notification_letter".to_string()],
        "no certificate drafted"
    );
    app.act_ok(&t.analyst, &defaced_ticket, json!({"action": "submit_for_approval"})).await;
    let approved = app.act_ok(&t.head, &defaced_ticket, ttis_tests::approve()).await;
    let finals: Vec<&str> = approved["documents"]
        .as_array()
        .map(|d| d.iter().filter(|x| x["status"] == "final").filter_map(|x| x["kind"].as_str()).collect())
        .unwrap_or_default();
    assert!(finals.contains(&"notification_letter") && !finals.contains(&"certificate"), "{finals:?}");
    let completed = {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            let d = app.ticket(&t.analyst, &defaced_ticket).await;
            if d["state"] == "completed" || std::time::Instant::now() > deadline {
                break d;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    };
    assert_eq!(completed["state"], "completed", "delivered to the PSE alone: {}", completed["deliveries"]);
    // Statistics: how many the platform found itself, and its end-to-end time to the letter.
    let stats: Value = app.get("/api/v1/stats", Some(&t.head)).await.json_body().await;
    let found = stats["by_channel"].as_array().and_then(|c| c.iter().find(|x| x["key"] == "monitoring").cloned());
    assert_eq!(
        found.map(|f| f["count"].clone()),
        Some(json!(5)),
        "defaced, gambling, farm, unavailable, changed: {}",
        stats["by_channel"]
    );
    let e2e = stats["end_to_end"]
        .as_array()
        .and_then(|c| c.iter().find(|x| x["channel"] == "monitoring").cloned())
        .unwrap_or_default();
    assert_eq!(e2e["count"], 1, "{}", stats["end_to_end"]);
    assert!(e2e["median_seconds"].as_i64().is_some_and(|s| (25 * 3600..26 * 3600).contains(&s)), "{e2e}");
    assert_eq!(stats["sop_total"], json!({"unit": "working_days", "value": 2}), "{}", stats["sop_total"]);
    let hof: Value = app.get("/api/v1/hall-of-fame", None).await.json_body().await;
    assert!(!hof.to_string().contains("Pemantauan"), "the platform is not on the Hall of Fame: {hof}");

    // The list; and the audit of every control.
    let list: Value = app.get("/api/v1/monitors", Some(&t.head)).await.json_body().await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(8));
    assert_eq!(app.count("audit_log WHERE action = 'monitor.create'").await, 8);
    assert_eq!(app.count("audit_log WHERE action IN ('monitor.baseline', 'monitor.mute')").await, 2);
    assert!(app.count("audit_log WHERE action = 'monitor.finding'").await >= 4);
}

/// Two API processes on one PostgreSQL database, both running the job every second: each URL is
/// fetched once in its interval.
#[tokio::test]
async fn two_replicas_never_check_one_url_twice_in_an_interval() {
    let first = spawn(Backend::Postgres, false).await;
    let shared = first.database_url.clone();
    let site = PageServer::start().await;
    let admin = first.admin_token().await;
    let pse_id = pse(&first, &admin).await;
    let paths = ["/a", "/b", "/c", "/d", "/e", "/f"];
    for p in paths {
        site.set(p, &corpus("clean.html"));
        watch(&first, &admin, pse_id, &site.url(p)).await;
    }
    let tweak = |env: &mut std::collections::HashMap<String, String>| {
        env.insert("DATABASE_URL".into(), shared.clone());
        env.insert("TTIS_MONITOR".into(), "on".into());
        env.insert("TTIS_MONITOR_TICK_SECS".into(), "1".into());
        env.insert("TTIS_MONITOR_ALLOW_NETWORKS".into(), "127.0.0.1/32".into());
    };
    let a = TestApp::spawn_with(Backend::Postgres, tweak).await;
    let b = TestApp::spawn_with(Backend::Postgres, tweak).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while first.count("monitors WHERE last_checked_at IS NULL").await > 0 && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Several more ticks of both replicas.
    tokio::time::sleep(Duration::from_secs(3)).await;
    for p in paths {
        assert_eq!(site.hits(p), 1, "{p} fetched once in its interval");
    }
    drop((a, b));
}

/// A certificate that expires in twelve days, trusted through `TTIS_MONITOR_CA_FILE` (an agency's
/// own authority), served by `openssl s_server`: exactly the TLS finding, the page being clean.
#[tokio::test]
async fn a_certificate_expiring_soon_is_the_one_finding() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    let made = std::process::Command::new("openssl")
        .args(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "12"])
        .args(["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"])
        .args(["-addext", "basicConstraints=critical,CA:FALSE", "-addext", "extendedKeyUsage=serverAuth"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .unwrap_or_else(|e| panic!("openssl: {e}"));
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    std::fs::write(dir.path().join("index.html"), corpus("clean.html")).unwrap_or_else(|e| panic!("{e}"));
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).unwrap_or(0);
    let mut server = std::process::Command::new("openssl")
        .args(["s_server", "-quiet", "-WWW", "-accept", &port.to_string()])
        .arg("-cert")
        .arg(&cert)
        .arg("-key")
        .arg(&key)
        .current_dir(dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("openssl s_server: {e}"));
    let ca = cert.display().to_string();
    let app = TestApp::spawn_with(Backend::Sqlite, move |env| {
        env.insert("TTIS_MONITOR".into(), "off".into());
        env.insert("TTIS_MONITOR_ALLOW_NETWORKS".into(), "127.0.0.1/32".into());
        env.insert("TTIS_MONITOR_CA_FILE".into(), ca);
    })
    .await;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let admin = app.admin_token().await;
    let t = app.team().await;
    let pse_id = pse(&app, &admin).await;
    let id = watch(&app, &admin, pse_id, &format!("https://127.0.0.1:{port}/index.html")).await;
    let m = check(&app, &t.analyst, id).await;
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(m["last_finding"]["kind"], "tls_expiry", "{m}");
    assert_eq!(app.count(&format!("monitor_findings WHERE monitor_id = {id}")).await, 1, "nothing else: {m}");
    assert!(!m["tls_expires_at"].is_null());
}

/// With `TTIS_MONITOR_CHROMIUM`, a new finding's ticket also carries a screenshot of the fetched
/// page, rendered offline: the page's own colours are in the picture, and nothing the page names
/// (an image, a stylesheet, a script, a frame, a refresh, a local file) was requested.
#[tokio::test]
async fn a_finding_carries_a_screenshot_rendered_without_reaching_anything() {
    let chromium = ttis_tests::browser::chromium_binary();
    let app = TestApp::spawn_with(Backend::Sqlite, move |env| {
        env.insert("TTIS_MONITOR".into(), "off".into());
        env.insert("TTIS_MONITOR_ALLOW_NETWORKS".into(), "127.0.0.1/32".into());
        env.insert("TTIS_MONITOR_CHROMIUM".into(), chromium);
    })
    .await;
    let site = PageServer::start().await;
    let beacons = ["/beacon-img", "/beacon-css", "/beacon-js", "/beacon-frame", "/beacon-refresh"];
    let page = format!(
        "<!doctype html><html><head><title>HACKED BY GARUDA SEC</title>\
         <meta http-equiv=\"refresh\" content=\"0;url={refresh}\">\
         <link rel=\"stylesheet\" href=\"{css}\"><script src=\"{js}\"></script>\
         <style>html,body{{margin:0;background:#1a7f37;color:#fff;font:40px monospace}}</style></head>\
         <body><h1>Hacked By Garuda Sec</h1><img src=\"{img}\" width=\"10\" height=\"10\">\
         <iframe src=\"{frame}\"></iframe><iframe src=\"file:///etc/hostname\"></iframe>\
         <script>document.body.style.background = '#ff0000';</script></body></html>",
        refresh = site.url("/beacon-refresh"),
        css = site.url("/beacon-css"),
        js = site.url("/beacon-js"),
        img = site.url("/beacon-img"),
        frame = site.url("/beacon-frame"),
    );
    site.set("/defaced", &page);
    let admin = app.admin_token().await;
    let t = app.team().await;
    let pse_id = pse(&app, &admin).await;
    let id = watch(&app, &admin, pse_id, &site.url("/defaced")).await;
    let m = check(&app, &t.analyst, id).await;
    assert_eq!(m["last_finding"]["kind"], "defacement", "{m}");
    let code = str_at(&m, "/last_finding/ticket_code").to_string();
    let ticket = app.ticket(&t.analyst, &code).await;
    let shot = ticket["evidence"]
        .as_array()
        .and_then(|e| e.iter().find(|x| x["file_name"].as_str().is_some_and(|n| n.starts_with("tangkapan-layar-"))))
        .cloned()
        .unwrap_or_else(|| panic!("no screenshot among the evidence: {}", ticket["evidence"]));
    assert_eq!(shot["content_type"], "image/png");
    let res = app.get(&format!("/api/v1/tickets/{code}/evidence/{}", i64_at(&shot, "/id")), Some(&t.analyst)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let png = res.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
    assert_eq!(shot["sha256"].as_str(), Some(hex_sha256(&png).as_str()), "hashed like any evidence");
    if let Ok(dir) = std::env::var("TTIS_SCREENSHOT_DIR") {
        let _ = std::fs::write(std::path::Path::new(&dir).join("monitoring-evidence-screenshot.png"), &png);
    }

    let decoder = png::Decoder::new(std::io::Cursor::new(png.as_slice()));
    let mut reader = decoder.read_info().unwrap_or_else(|e| panic!("not a PNG: {e}"));
    let mut pixels = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let frame = reader.next_frame(&mut pixels).unwrap_or_else(|e| panic!("PNG frame: {e}"));
    assert_eq!((frame.width, frame.height), (1366, 900), "an office screen's viewport");
    let step = frame.color_type.samples();
    let rgb: Vec<&[u8]> = pixels[..frame.buffer_size()].chunks(step).collect();
    let share = |c: [u8; 3]| rgb.iter().filter(|p| p[..3] == c).count() * 100 / rgb.len().max(1);
    assert!(share([0x1a, 0x7f, 0x37]) > 50, "the page's own background fills the picture");
    assert_eq!(share([0xff, 0, 0]), 0, "the page's script did not run");
    for b in beacons {
        assert_eq!(site.hits(b), 0, "{b}: the render reached the network");
    }
    assert_eq!(site.hits("/defaced"), 1, "the page was fetched once, by the check");
}

fn hex_sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// The finding is written before its ticket, and keys the intake's idempotency: a stop at any
/// point (simulated by leaving the finding unlinked) neither loses the ticket nor opens a second.
async fn a_finding_opens_its_ticket_once_across_a_stop(backend: TestApp) {
    let app = spawn(backend.backend, false).await;
    drop(backend);
    let site = PageServer::start().await;
    site.set("/farm", &corpus("link_farm.html"));
    site.set("/gambling", &corpus("hidden_gambling.html"));
    let admin = app.admin_token().await;
    let t = app.team().await;
    let pse_id = pse(&app, &admin).await;
    let farm = watch(&app, &admin, pse_id, &site.url("/farm")).await;
    let gambling = watch(&app, &admin, pse_id, &site.url("/gambling")).await;
    let tickets = || app.count("tickets WHERE channel = 'monitoring'");
    let unlinked = |id: i64| format!("monitor_findings WHERE monitor_id = {id} AND ticket_id IS NULL");
    let db = &app.db;
    let exec = |sql: String| async move {
        sea_orm::ConnectionTrait::execute_unprepared(db, &sql).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    };
    let notes = |ticket: &Value| {
        ticket["timeline"]
            .as_array()
            .map(|e| e.iter().filter(|x| x["body"].as_str().is_some_and(|b| b.starts_with("Temuan berulang"))).count())
    };

    // A stop before the intake committed: the finding is there, unlinked, with no ticket.
    let found_at = app.clock.now().to_rfc3339();
    exec(format!(
        "INSERT INTO monitor_findings (monitor_id, kind, summary, excerpt, places, ticket_id, found_at) \
         VALUES ({gambling}, 'gambling', 'sebelum berhenti', 'slot', '[]', NULL, '{found_at}')"
    ))
    .await;
    // Only one finding of a URL and kind waits for its ticket: two checkers that met share it.
    let second = format!(
        "INSERT INTO monitor_findings (monitor_id, kind, summary, excerpt, places, ticket_id, found_at) \
         VALUES ({gambling}, 'gambling', 'pemeriksa kedua', 'slot', '[]', NULL, '{found_at}')"
    );
    assert!(sea_orm::ConnectionTrait::execute_unprepared(db, &second).await.is_err(), "a second waiting finding");
    let m = check(&app, &t.analyst, gambling).await;
    assert_eq!((tickets().await, app.count(&unlinked(gambling)).await), (1, 0), "the ticket opens then: {m}");
    assert_eq!(app.count(&format!("monitor_findings WHERE monitor_id = {gambling}")).await, 1, "on that finding");

    // A stop after the intake committed, before the link: the next finding joins that ticket.
    let first = str_at(&check(&app, &t.analyst, farm).await, "/last_finding/ticket_code").to_string();
    assert_eq!(tickets().await, 2);
    exec(format!("UPDATE monitor_findings SET ticket_id = NULL WHERE monitor_id = {farm}")).await;
    let m = check(&app, &t.analyst, farm).await;
    assert_eq!(str_at(&m, "/last_finding/ticket_code"), first, "{m}");
    assert_eq!((tickets().await, app.count(&unlinked(farm)).await), (2, 0), "no second ticket");
    assert_eq!(notes(&app.ticket(&t.analyst, &first).await), Some(1), "the repeat is on its timeline");

    // The same stop, but the team closed that ticket since: the finding opens a new one.
    exec(format!("UPDATE monitor_findings SET ticket_id = NULL WHERE monitor_id = {farm}")).await;
    app.act_ok(&t.analyst, &first, json!({"action": "reject", "reason": "spam"})).await;
    let m = check(&app, &t.analyst, farm).await;
    let second = str_at(&m, "/last_finding/ticket_code").to_string();
    assert_ne!(second, first, "a new incident is not hidden in a closed ticket");
    assert_eq!((tickets().await, app.count(&unlinked(farm)).await), (3, 0));
    assert_eq!(notes(&app.ticket(&t.analyst, &first).await), Some(1), "nothing added to the closed one");
}
