use reqwest::StatusCode;
use serde_json::Value;
use ttis_tests::must::{ResponseExt, str_at};
use ttis_tests::{TestApp, workspace_root};

/// Compares the committed spec with the generated one; `Err` names what to run.
fn drift(committed: &str, generated: &str) -> Result<(), String> {
    if committed == generated {
        return Ok(());
    }
    let line = committed.lines().zip(generated.lines()).position(|(a, b)| a != b).map(|i| i + 1).unwrap_or(0);
    Err(format!("openapi/openapi.json is stale (first difference near line {line}); run `cargo xtask openapi`"))
}

#[test]
fn the_committed_spec_is_current() {
    let generated = ttis_api::startup::openapi_json().unwrap_or_else(|e| panic!("{e}"));
    let path = workspace_root().join("openapi/openapi.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if let Err(message) = drift(&committed, &generated) {
        panic!("{message}");
    }
}

#[test]
fn the_drift_check_notices_a_stale_spec() {
    let generated = ttis_api::startup::openapi_json().unwrap_or_else(|e| panic!("{e}"));
    let stale = generated.replacen("\"create_session\"", "\"login\"", 1);
    assert!(drift(&stale, &generated).is_err());
    assert!(drift("", &generated).is_err());
    assert!(drift(&generated, &generated).is_ok());
}

#[test]
fn every_operation_is_documented_for_integrators() {
    let spec: Value = serde_json::to_value(ttis_api::routes::openapi_document()).unwrap_or_default();
    let verbs = ["get", "list", "create", "update", "delete", "refresh", "reset"];
    let mut seen = std::collections::HashSet::new();
    let paths = spec["paths"].as_object().cloned().unwrap_or_default();
    assert!(paths.len() >= 8);
    for (path, item) in paths {
        assert!(path.starts_with("/api/v1/"), "{path}");
        for (method, op) in item.as_object().cloned().unwrap_or_default() {
            let id = str_at(&op, "/operationId").to_string();
            assert!(verbs.iter().any(|v| id.starts_with(&format!("{v}_"))), "{method} {path}: operationId {id:?}");
            assert!(seen.insert(id.clone()), "duplicate operationId {id}");
            assert!(op["tags"].as_array().is_some_and(|t| !t.is_empty()), "{id}: tags");
            assert!(op["summary"].as_str().is_some_and(|s| !s.is_empty()), "{id}: summary from the doc comment");
            let responses = op["responses"].as_object().cloned().unwrap_or_default();
            // Only these answer from memory and cannot meet a failing database.
            let cannot_fail = ["get_health", "get_site", "create_report_challenge"];
            assert!(cannot_fail.contains(&id.as_str()) || responses.contains_key("500"), "{id}: 500");
            let secured = op["security"].as_array().is_some_and(|r| r.iter().any(|x| x.get("bearer_auth").is_some()));
            assert!(op.get("security").is_some(), "{id}: security stated");
            if secured {
                assert!(responses.contains_key("401"), "{id}: 401");
            }
            // A JSON body has rules (422) and an example; a raw file body (a logo, a PDF to check)
            // is judged by its size and content instead (413, 415).
            if op["requestBody"]["content"].get("application/json").is_some() {
                assert!(responses.contains_key("422"), "{id}: 422");
                let example = &op["requestBody"]["content"]["application/json"]["schema"]["$ref"];
                let name = example.as_str().unwrap_or_default().rsplit('/').next().unwrap_or_default();
                assert!(spec["components"]["schemas"][name]["example"].is_object(), "{id}: request example");
            } else if op.get("requestBody").is_some() {
                assert!(responses.contains_key("413"), "{id}: 413 for a raw body");
            }
            for (status, response) in responses {
                if status.starts_with('4') || status.starts_with('5') {
                    let r = str_at(&response, "/$ref");
                    assert!(r.starts_with("#/components/responses/"), "{id} {status}: problem response");
                }
            }
        }
    }
    assert_eq!(spec["components"]["securitySchemes"]["bearer_auth"]["scheme"], "bearer");
}

#[tokio::test]
async fn the_server_serves_the_spec_and_swagger_ui() {
    let app = TestApp::spawn(ttis_tests::Backend::Sqlite).await;
    let served: Value = app.get("/api/openapi.json", None).await.json_body().await;
    let generated = serde_json::to_value(ttis_api::routes::openapi_document()).unwrap_or_default();
    assert_eq!(served, generated);
    let ui = app.get("/swagger-ui/", None).await;
    assert_eq!(ui.status(), StatusCode::OK);
    let html = ui.text().await.unwrap_or_default();
    assert!(html.contains("swagger-ui"), "{html}");
    let js = app.get("/swagger-ui/swagger-ui-bundle.js", None).await;
    assert_eq!(js.status(), StatusCode::OK, "vendored assets are served offline");
    let health: Value = app.get("/api/v1/health", None).await.json_body().await;
    assert_eq!(health["status"], "ok");
    assert_eq!(app.get("/api/v1/ready", None).await.status(), StatusCode::OK);
}
