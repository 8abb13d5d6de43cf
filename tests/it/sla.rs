//! The SLA policy (admin) over HTTP: time standards per step, the working calendar, holidays,
//! and the clocks of open tickets following a change; each ticket's per-step SLA table.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use ttis_tests::must::{ResponseExt, array_at, str_at};
use ttis_tests::{TestApp, db_tests, problem, sample_report};

db_tests!(the_policy_is_admin_only_validated_and_moves_open_clocks);

fn at(v: &Value) -> chrono::DateTime<chrono::Utc> {
    v.as_str().and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok()).map(|d| d.to_utc()).unwrap_or_default()
}

async fn the_policy_is_admin_only_validated_and_moves_open_clocks(app: TestApp) {
    let admin = app.admin_token().await;
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let policy: Value = app.get("/api/v1/sla-policy", Some(&admin)).await.json_body().await;
    assert_eq!(policy["utc_offset_minutes"], 480, "WITA");
    assert_eq!(policy["working_days"], json!([true, true, true, true, true, false, false]));
    assert_eq!(policy["standards"].as_array().map(Vec::len), Some(9));
    assert_eq!(policy["standards"][3]["time_standard"], json!({"unit": "working_days", "value": 1}));
    assert_eq!(policy["standards"][8]["time_standard"], json!({"unit": "minutes", "value": 10}));
    assert_eq!(policy["standards"][7]["time_standard"], Value::Null, "the SOP sets none for step 8");
    let holidays: Value = app.get("/api/v1/holidays", Some(&admin)).await.json_body().await;
    let items = array_at(&holidays, "/items").clone();
    assert_eq!(items.len(), 25, "2026's national holidays and cuti bersama are seeded");
    assert!(items.iter().any(|h| h["date"] == "2026-08-17"));
    assert_eq!(app.get("/api/v1/sla-policy", Some(&analyst)).await.status(), StatusCode::FORBIDDEN);

    let bad = json!({"utc_offset_minutes": 480, "working_days": [false, false, false, false, false, false, false],
        "standards": [{"step": 10, "time_standard": null}, {"step": 4, "time_standard": {"unit": "minutes", "value": 0}}]});
    let p = problem(app.send_json(Method::PUT, "/api/v1/sla-policy", Some(&admin), &bad).await).await;
    let mut fields: Vec<&str> =
        p["errors"].as_array().map(|e| e.iter().filter_map(|x| x["field"].as_str()).collect()).unwrap_or_default();
    fields.sort_unstable();
    assert_eq!(fields, ["standards[0].step", "standards[1].time_standard", "working_days"]);
    // The calendar's zone is the deployment's (TTIS_TIME_ZONE), not a form field.
    let other_zone = json!({"utc_offset_minutes": 420, "working_days": [true, true, true, true, true, false, false],
        "standards": []});
    let p = problem(app.send_json(Method::PUT, "/api/v1/sla-policy", Some(&admin), &other_zone).await).await;
    assert_eq!(
        (p["errors"][0]["field"].as_str(), p["errors"][0]["code"].as_str()),
        (Some("utc_offset_minutes"), Some("set_by_server")),
        "{p}"
    );

    // An open ticket's clock follows a change of the policy.
    let receipt: Value = app.submit_json(&sample_report()).await.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    let before: Value = app.get(&format!("/api/v1/tickets/{code}"), Some(&analyst)).await.json_body().await;
    let started = at(&before["clock"]["started_at"]);
    let two_hours = json!({"utc_offset_minutes": 480, "working_days": [true, true, true, true, true, false, false],
        "standards": [{"step": 4, "time_standard": {"unit": "minutes", "value": 120}}]});
    let res = app.send_json(Method::PUT, "/api/v1/sla-policy", Some(&admin), &two_hours).await;
    assert_eq!(res.status(), StatusCode::OK);
    let after: Value = app.get(&format!("/api/v1/tickets/{code}"), Some(&analyst)).await.json_body().await;
    assert_eq!(at(&after["clock"]["due_at"]) - started, chrono::Duration::hours(2));
    assert_eq!(after["clock"]["time_standard"], json!({"unit": "minutes", "value": 120}));
    // The reporter's status page shows the standard the team works to, not the SOP's default.
    let lookup = json!({"ticket_code": code, "access_key": str_at(&receipt, "/access_key")});
    let status: Value = app.send_json(Method::POST, "/api/v1/reports/status", None, &lookup).await.json_body().await;
    assert_eq!(status["current_step"]["time_standard"], json!({"unit": "minutes", "value": 120}), "{status}");
    let queue: Value = app.get("/api/v1/tickets", Some(&analyst)).await.json_body().await;
    assert_eq!(queue["items"][0]["clock"]["due_at"], after["clock"]["due_at"], "the queue's stored clock moved too");
    let sla = array_at(&after, "/sla").clone();
    assert_eq!(sla.len(), 9, "the ticket's SLA table has the nine steps");
    assert_eq!(sla[3]["step"], 4);
    assert_eq!(sla[3]["status"], "green");
    assert_eq!(sla[6]["status"], "none", "not started");

    // A holiday on the day the ticket is due pushes a working-day standard by a working day.
    let one_day = json!({"utc_offset_minutes": 480, "working_days": [true, true, true, true, true, false, false],
        "standards": [{"step": 4, "time_standard": {"unit": "working_days", "value": 1}}]});
    app.send_json(Method::PUT, "/api/v1/sla-policy", Some(&admin), &one_day).await;
    let due: Value = app.get(&format!("/api/v1/tickets/{code}"), Some(&analyst)).await.json_body().await;
    let due = at(&due["clock"]["due_at"]);
    let local = due.with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap_or(chrono::Utc.fix())).date_naive();
    let path = format!("/api/v1/holidays/{local}");
    let holiday = json!({"date": local.to_string(), "name": "Libur uji"});
    assert_eq!(app.send_json(Method::PUT, &path, Some(&analyst), &holiday).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.send_json(Method::PUT, &path, Some(&admin), &holiday).await.status(), StatusCode::OK);
    let moved: Value = app.get(&format!("/api/v1/tickets/{code}"), Some(&analyst)).await.json_body().await;
    assert!(at(&moved["clock"]["due_at"]) >= due + chrono::Duration::days(1), "{} vs {due}", moved["clock"]["due_at"]);
    let res = app.client.delete(app.url(&path)).bearer_auth(&admin).send().await.map(|r| r.status());
    assert_eq!(res.unwrap_or(StatusCode::IM_A_TEAPOT), StatusCode::NO_CONTENT);
    let back: Value = app.get(&format!("/api/v1/tickets/{code}"), Some(&analyst)).await.json_body().await;
    assert_eq!(at(&back["clock"]["due_at"]), due);
    // Office hours: kept, and refused when the office would close before it opens.
    let hours = json!({"utc_offset_minutes": 480, "working_days": [true, true, true, true, true, false, false],
        "day_start_minutes": 450, "day_end_minutes": 960, "standards": []});
    let view: Value = app.send_json(Method::PUT, "/api/v1/sla-policy", Some(&admin), &hours).await.json_body().await;
    assert_eq!((view["day_start_minutes"].as_u64(), view["day_end_minutes"].as_u64()), (Some(450), Some(960)));
    let inverted = json!({"utc_offset_minutes": 480, "working_days": [true, true, true, true, true, false, false],
        "day_start_minutes": 960, "day_end_minutes": 450, "standards": []});
    let p = problem(app.send_json(Method::PUT, "/api/v1/sla-policy", Some(&admin), &inverted).await).await;
    assert_eq!(p["errors"][0]["field"], "day_end_minutes");
    assert_eq!(app.count("audit_log WHERE action = 'sla_policy.update'").await, 3);
    assert_eq!(app.count("audit_log WHERE action IN ('holiday.put', 'holiday.delete')").await, 2);
}
use chrono::Offset;
