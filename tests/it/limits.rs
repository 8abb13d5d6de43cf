//! Bounds on what one request may ask for: every integer query parameter of the OpenAPI document
//! answers 200 or 400 to extreme values (never a closed connection or a 5xx), and a statistics
//! period is at most ten years.

use reqwest::StatusCode;
use serde_json::Value;
use ttis_tests::must::ResponseExt;
use ttis_tests::{TestApp, db_tests, problem};

db_tests!(
    every_integer_query_parameter_answers_200_or_400,
    a_statistics_period_is_at_most_ten_years,
    every_json_body_must_be_an_object
);

const EXTREMES: [&str; 6] =
    ["0", "-1", "2147483648", "9223372036854775807", "9223372036854775808", "18446744073709551616"];

fn is_integer(schema: &Value) -> bool {
    match &schema["type"] {
        Value::String(t) => t == "integer",
        Value::Array(types) => types.iter().any(|t| t == "integer"),
        _ => false,
    }
}

async fn every_integer_query_parameter_answers_200_or_400(app: TestApp) {
    let token = app.user_with_roles("semua@ttis.test", &["analyst", "head", "admin"]).await;
    let spec = serde_json::to_value(ttis_api::routes::openapi_document()).unwrap_or_else(|e| panic!("spec: {e}"));
    let paths = spec["paths"].as_object().cloned().unwrap_or_default();
    let mut probes = Vec::new();
    for (path, item) in &paths {
        // Paths with a path parameter need a real object; their query parameters are the same
        // paging and filters as the lists, which are probed here.
        if path.contains('{') {
            continue;
        }
        let Some(params) = item["get"]["parameters"].as_array() else { continue };
        for p in params.iter().filter(|p| p["in"] == "query" && is_integer(&p["schema"])) {
            let name = p["name"].as_str().unwrap_or_default();
            let (min, max) = (p["schema"]["minimum"].as_i64(), p["schema"]["maximum"].as_i64());
            for value in EXTREMES {
                // Outside the documented range the answer must be 400: the range is a promise.
                let outside = value
                    .parse::<i128>()
                    .is_ok_and(|v| min.is_some_and(|m| v < i128::from(m)) || max.is_some_and(|m| v > i128::from(m)));
                probes.push((format!("{path}?{name}={value}"), outside));
            }
        }
    }
    assert!(probes.len() >= 6 * 4, "the document names integer query parameters to probe: {probes:?}");
    let mut wrong = Vec::new();
    for (probe, outside) in &probes {
        match app.client.get(app.url(probe)).bearer_auth(&token).send().await {
            Ok(res) if res.status() == StatusCode::OK && *outside => {
                wrong.push(format!("{probe}: 200 outside the documented range"));
            }
            Ok(res) if matches!(res.status(), StatusCode::OK | StatusCode::BAD_REQUEST) => {}
            Ok(res) => wrong.push(format!("{probe}: {}", res.status())),
            Err(e) => wrong.push(format!("{probe}: no answer ({e})")),
        }
    }
    assert!(wrong.is_empty(), "every probe answers 200 or 400, and 400 outside the range: {wrong:#?}");
}

async fn a_statistics_period_is_at_most_ten_years(app: TestApp) {
    let token = app.user_with_roles("kadis@ttis.test", &["head"]).await;
    let res = app.get("/api/v1/stats?from=-9999-01-01&to=9999-12-31", Some(&token)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let p = problem(res).await;
    assert_eq!(
        (p["errors"][0]["field"].as_str(), p["errors"][0]["code"].as_str()),
        (Some("to"), Some("period_too_long"))
    );
    let backwards = app.get("/api/v1/stats?from=2026-12-01&to=2026-01-01", Some(&token)).await;
    assert_eq!(backwards.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let decade: Value = app.get("/api/v1/stats?from=2017-01-01&to=2026-12-31", Some(&token)).await.json_body().await;
    assert_eq!(decade["per_month"].as_array().map(Vec::len), Some(120), "ten whole years are answered");
}

/// Every JSON request body of the document is an object; serde alone would also fill a struct
/// from an array (`[null, null]` as "change nothing"). An array is refused everywhere, as the
/// most privileged account on the first account, category and PSE.
async fn every_json_body_must_be_an_object(app: TestApp) {
    let token = app.user_with_roles("semua@ttis.test", &["analyst", "head", "admin"]).await;
    let spec = serde_json::to_value(ttis_api::routes::openapi_document()).unwrap_or_else(|e| panic!("spec: {e}"));
    let mut accepted = Vec::new();
    let mut probed = 0;
    for (path, item) in spec["paths"].as_object().cloned().unwrap_or_default() {
        for (method, op) in item.as_object().cloned().unwrap_or_default() {
            if op["requestBody"]["content"]["application/json"].is_null() || path.ends_with("/logout") {
                continue;
            }
            let url = path.replace("{id}", "1").replace("{code}", "other").replace("{date}", "2026-12-25");
            let method = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap_or(reqwest::Method::GET);
            for body in [serde_json::json!([null, null]), serde_json::json!([]), serde_json::json!("text")] {
                let res = app.send_json(method.clone(), &url, Some(&token), &body).await;
                probed += 1;
                if res.status().is_success() || res.status().is_server_error() {
                    accepted.push(format!("{method} {url} {body}: {}", res.status()));
                }
            }
        }
    }
    assert!(probed > 60, "the document names JSON bodies: {probed}");
    assert!(accepted.is_empty(), "a body that is not an object is refused: {accepted:#?}");
}
