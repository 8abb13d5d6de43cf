//! Threat intelligence over HTTP: observables with the analyst's indicator switch, the STIX 2.1
//! and MISP exports validated by the community's own libraries (OASIS's `stix2` with
//! `allow_custom=False`, PyMISP; `tests/scripts/intel_check.py`), the TLP rules, the bulk export
//! for the national CSIRT, and the audit of each export.

use std::path::PathBuf;
use std::process::Command;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use ttis_tests::must::{ResponseExt, i64_at, str_at};
use ttis_tests::{TestApp, db_tests, problem, sample_analysis, sample_report};

db_tests!(
    verified_tickets_are_shared_as_valid_stix_and_misp_without_the_reporter,
    tlp_red_leaves_only_by_a_heads_choice
);

/// The tests' Python with stix2 and pymisp (`cargo xtask test` installs them).
fn python() -> PathBuf {
    let python = std::env::var_os("TTIS_INTEL_PYTHON").map(PathBuf::from).unwrap_or_else(|| {
        let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| "/root".into());
        home.join(".cache/ttis-venv/bin/python")
    });
    let importable = Command::new(&python).args(["-c", "import stix2, pymisp"]).status().is_ok_and(|s| s.success());
    assert!(
        importable,
        "stix2 and pymisp are not importable by {}; `cargo xtask test` installs them",
        python.display()
    );
    python
}

/// Runs the validator on `body`; returns its JSON summary.
fn check(body: &[u8], args: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let file = dir.path().join("export.json");
    std::fs::write(&file, body).unwrap_or_else(|e| panic!("write: {e}"));
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/intel_check.py");
    let mut cmd = Command::new(python());
    cmd.arg(script).arg(args[0]).arg(&file).args(&args[1..]);
    let out = cmd.output().unwrap_or_else(|e| panic!("intel_check.py: {e}"));
    assert!(out.status.success(), "{} refused the export: {}", args[0], String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("summary: {e}"))
}

async fn verified(app: &TestApp, analyst: &str, analyst_id: i64, tlp: &str) -> (String, Value) {
    let mut report = sample_report();
    report["tlp"] = json!(tlp);
    report["description"] = json!("Halaman diganti; plugin formulir rentan CVE-2024-12345 (unggah berkas).");
    // What the reporter typed beside the host (their address in a query) is theirs.
    report["affected_asset"] = json!("https://disdik.kukarkab.go.id/?dari=budi@example.com#atas");
    let res = app.submit_multipart(&report, vec![]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let code = str_at(&res.json_body::<Value>().await, "/ticket_code").to_string();
    app.act_ok(analyst, &code, json!({"action": "start_verification"})).await;
    let detail = app.act_ok(analyst, &code, json!({"action": "verify", "analysis": sample_analysis(analyst_id)})).await;
    (code, detail)
}

async fn export(app: &TestApp, token: &str, path: &str) -> (StatusCode, String, Vec<u8>) {
    let res = app.get(path, Some(token)).await;
    let status = res.status();
    let media = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    (status, media, res.body_bytes().await)
}

async fn verified_tickets_are_shared_as_valid_stix_and_misp_without_the_reporter(app: TestApp) {
    let t = app.team().await;
    let admin = app.admin_token().await;
    // Not before verification.
    let res = app.submit_multipart(&sample_report(), vec![]).await;
    let early = str_at(&res.json_body::<Value>().await, "/ticket_code").to_string();
    let res = app.get(&format!("/api/v1/tickets/{early}/stix"), Some(&t.analyst)).await;
    assert_eq!(problem(res).await["code"], "not_verified");
    let body = json!({"kind": "domain", "value": "slot-gacor.example", "indicator": true});
    let res =
        app.send_json(Method::POST, &format!("/api/v1/tickets/{early}/observables"), Some(&t.analyst), &body).await;
    assert_eq!(problem(res).await["code"], "not_verified", "observables belong to verified tickets");

    let (code, detail) = verified(&app, &t.analyst, t.analyst_id, "amber").await;
    let stix_path = format!("/api/v1/tickets/{code}/stix");
    assert_eq!(app.get(&stix_path, None).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.get(&stix_path, Some(&admin)).await.status(),
        StatusCode::FORBIDDEN,
        "administrators read no tickets"
    );

    // Verification took the affected system's URL and domain; the team adds what it found.
    let seeded: Vec<(String, String)> = detail["observables"]
        .as_array()
        .map(|o| o.iter().map(|x| (str_at(x, "/kind").to_string(), str_at(x, "/value").to_string())).collect())
        .unwrap_or_default();
    assert_eq!(
        seeded,
        vec![
            ("url".into(), "https://disdik.kukarkab.go.id/".into()),
            ("domain".into(), "disdik.kukarkab.go.id".into())
        ]
    );
    let path = format!("/api/v1/tickets/{code}/observables");
    let add = |kind: &str, value: &str, indicator: bool| json!({"kind": kind, "value": value, "indicator": indicator});
    for body in [
        add("domain", "Slot-Gacor.example", true),
        add("ipv4", "203.0.113.7", true),
        add("sha256", &"ab".repeat(32), false),
    ] {
        let res = app.send_json(Method::POST, &path, Some(&t.analyst), &body).await;
        assert_eq!(res.status(), StatusCode::CREATED, "{body}");
    }
    let res = app.send_json(Method::POST, &path, Some(&t.analyst), &add("ipv4", "203.0.113", true)).await;
    assert_eq!(problem(res).await["errors"][0]["code"], "invalid_observable");
    let detail = app.ticket(&t.analyst, &code).await;
    let id_of = |value: &str| {
        detail["observables"]
            .as_array()
            .and_then(|o| o.iter().find(|x| x["value"] == value).map(|x| i64_at(x, "/id")))
            .unwrap_or_else(|| panic!("no {value}"))
    };
    let url_id = id_of("https://disdik.kukarkab.go.id/");
    let res =
        app.send_json(Method::PATCH, &format!("{path}/{url_id}"), Some(&t.analyst), &json!({"indicator": true})).await;
    assert_eq!(res.json_body::<Value>().await["indicator"], true);
    // Another ticket's observable is not reachable through this one.
    let (other, _) = verified(&app, &t.analyst, t.analyst_id, "green").await;
    let res = app
        .send_json(
            Method::PATCH,
            &format!("/api/v1/tickets/{other}/observables/{url_id}"),
            Some(&t.analyst),
            &json!({"indicator": false}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let hash_id = id_of(&"ab".repeat(32));
    assert_eq!(
        app.send_json(Method::DELETE, &format!("{path}/{hash_id}"), Some(&t.analyst), &json!({})).await.status(),
        StatusCode::NO_CONTENT
    );

    // STIX 2.1, as OASIS's library reads it.
    let (status, media, body) = export(&app, &t.analyst, &stix_path).await;
    assert_eq!((status, media.as_str()), (StatusCode::OK, "application/stix+json;version=2.1"));
    let summary = check(&body, &["stix", "amber"]);
    let types = &summary["types"];
    for (kind, n) in [
        ("identity", 1),
        ("incident", 1),
        ("report", 1),
        ("observed-data", 1),
        ("indicator", 3),
        ("vulnerability", 1),
        ("url", 1),
        ("domain-name", 2),
        ("ipv4-addr", 1),
        ("marking-definition", 2),
    ] {
        assert_eq!(types[kind], n, "{kind} in {types}");
    }
    assert!(types.get("file").is_none(), "the removed hash is not shared");
    let text = String::from_utf8_lossy(&body).to_string();
    for private in ["Budi", "budi@example.com", "812 3456", "Komunitas Keamanan", "budisec", "Halaman diganti;"] {
        assert!(!text.contains(private), "the reporter's {private:?} left in the STIX export");
    }
    let bundle: Value = serde_json::from_slice(&body).unwrap_or_default();
    let incident = bundle["objects"]
        .as_array()
        .and_then(|o| o.iter().find(|x| x["type"] == "incident").cloned())
        .unwrap_or_default();
    assert_eq!(incident["labels"][0], "rsit:intrusions=\"application-compromise\"", "the category in RSIT");
    // A second export names the same objects: ids are deterministic.
    let (_, _, again) = export(&app, &t.analyst, &stix_path).await;
    let ids = |b: &[u8]| {
        let v: Value = serde_json::from_slice(b).unwrap_or_default();
        let mut ids: Vec<String> = v["objects"]
            .as_array()
            .map(|o| o.iter().map(|x| str_at(x, "/id").to_string()).collect())
            .unwrap_or_default();
        ids.sort();
        ids
    };
    assert_eq!(ids(&body), ids(&again));
    // A new agency name is a new version of the same identity.
    let identity = |b: &[u8]| {
        let v: Value = serde_json::from_slice(b).unwrap_or_default();
        v["objects"].as_array().and_then(|o| o.iter().find(|x| x["type"] == "identity").cloned()).unwrap_or_default()
    };
    let first = identity(&body);
    let mut org: Value = app.get("/api/v1/organization", Some(&admin)).await.json_body().await;
    org["organization"]["agency_name"] = json!("Dinas Komunikasi, Informatika dan Statistik");
    let res = app.send_json(Method::PUT, "/api/v1/organization", Some(&admin), &org["organization"]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let (_, _, renamed) = export(&app, &t.analyst, &stix_path).await;
    check(&renamed, &["stix", "amber"]);
    let second = identity(&renamed);
    assert_eq!((&second["id"], &second["created"]), (&first["id"], &first["created"]), "the same object");
    assert!(str_at(&second, "/name").ends_with("Dinas Komunikasi, Informatika dan Statistik"), "{second}");
    assert!(str_at(&second, "/modified") > str_at(&first, "/modified"), "{first} then {second}");

    // MISP, as PyMISP loads it.
    let (status, media, body) = export(&app, &t.analyst, &format!("/api/v1/tickets/{code}/misp")).await;
    assert_eq!((status, media.as_str()), (StatusCode::OK, "application/json"));
    let summary = check(&body, &["misp"]);
    assert_eq!(summary["tags"], json!(["tlp:amber", "rsit:intrusions=\"application-compromise\""]));
    assert_eq!(summary["distribution"], 0, "TLP:AMBER stays in the organisation");
    let to_ids: Vec<(String, bool)> = summary["attributes"]
        .as_array()
        .map(|a| a.iter().map(|x| (str_at(x, "/value").to_string(), x["to_ids"] == true)).collect())
        .unwrap_or_default();
    assert_eq!(
        to_ids,
        vec![
            ("https://disdik.kukarkab.go.id/".into(), true),
            ("disdik.kukarkab.go.id".into(), false),
            ("slot-gacor.example".into(), true),
            ("203.0.113.7".into(), true),
            ("CVE-2024-12345".into(), false),
        ]
    );
    let text = String::from_utf8_lossy(&body).to_string();
    assert!(!text.contains("Budi") && !text.contains("budi@example.com"), "{text}");
    assert_eq!(app.count("audit_log WHERE action IN ('ticket.export_stix', 'ticket.export_misp')").await, 4);
    assert_eq!(app.count("audit_log WHERE action LIKE 'observable.%'").await, 5);
}

async fn tlp_red_leaves_only_by_a_heads_choice(app: TestApp) {
    let t = app.team().await;
    let (red, detail) = verified(&app, &t.analyst, t.analyst_id, "red").await;
    let (green, _) = verified(&app, &t.analyst, t.analyst_id, "green").await;
    let path = format!("/api/v1/tickets/{red}/stix");
    let res = app.get(&path, Some(&t.analyst)).await;
    assert_eq!((res.status(), problem(res).await["code"].clone()), (StatusCode::CONFLICT, json!("tlp_red")));
    let res = app.get(&format!("/api/v1/tickets/{red}/misp"), Some(&t.head)).await;
    assert_eq!(problem(res).await["code"], "tlp_red", "not even a head's, without asking");
    assert_eq!(app.get(&format!("{path}?include_red=true"), Some(&t.analyst)).await.status(), StatusCode::FORBIDDEN);
    let (status, _, body) = export(&app, &t.head, &format!("{path}?include_red=true")).await;
    assert_eq!(status, StatusCode::OK);
    check(&body, &["stix", "red"]);

    // The period's bundle for the national CSIRT: RED left out and counted, unless a head asks.
    let today = str_at(&detail, "/today");
    let bulk = format!("/api/v1/exports/stix?from={today}&to={today}");
    let res = app.get(&bulk, Some(&t.analyst)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers().get("x-ttis-left-out-red").and_then(|v| v.to_str().ok()), Some("1"));
    let body = res.body_bytes().await;
    assert_eq!(check(&body, &["stix", "green"])["types"]["incident"], 1);
    assert!(String::from_utf8_lossy(&body).contains(&green) && !String::from_utf8_lossy(&body).contains(&red));
    let res = app.get(&format!("{bulk}&include_red=true"), Some(&t.head)).await;
    assert_eq!(res.headers().get("x-ttis-left-out-red").and_then(|v| v.to_str().ok()), Some("0"));
    let body = res.body_bytes().await;
    let summary = check(&body, &["stix", "any"]);
    assert_eq!(summary["types"]["incident"], 2);
    assert_eq!(summary["types"]["url"], 1, "one SCO for the URL both tickets observed: {summary}");
    let bundle: Value = serde_json::from_slice(&body).unwrap_or_default();
    let url = bundle["objects"].as_array().and_then(|o| o.iter().find(|x| x["type"] == "url").cloned());
    assert_eq!(
        url.map(|u| u["object_marking_refs"].clone()),
        Some(json!(["marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"])),
        "the shared SCO carries the stricter marking, TLP:RED"
    );
    assert_eq!(app.get(&format!("{bulk}&include_red=true"), Some(&t.analyst)).await.status(), StatusCode::FORBIDDEN);
    for period in
        ["from=2025-01-01&to=2026-12-31", "from=%2B262143-12-30&to=%2B262143-12-31", "from=2026-12-02&to=2026-12-01"]
    {
        let res = app.get(&format!("/api/v1/exports/stix?{period}"), Some(&t.analyst)).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{period}");
    }
    assert_eq!(app.count("audit_log WHERE action = 'tickets.export_stix'").await, 2);
    assert_eq!(app.count("audit_log WHERE action = 'ticket.export_stix'").await, 1, "refusals export nothing");
}
