//! API fuzzing: schemathesis (from PyPI; `cargo xtask test` installs it) drives every operation
//! of the OpenAPI document against the real server, anonymously and as each role, in all four
//! phases (examples, coverage, fuzzing, and the stateful phase, which chains operations through
//! the document's OpenAPI links: a created report to its status and ticket, a created account,
//! PSE or webhook to the operations on it), with its default checks except `positive_data_acceptance` (rules the schema cannot state, such as a
//! category existing in the taxonomy or both declarations being true, make some schema-valid
//! requests rightly fail with 422). The run must end with no server error, no answer that breaks
//! the spec, and no invalid input accepted.

use std::process::Command;

use ttis_tests::{Backend, TestApp};

fn schemathesis() -> String {
    let bin = std::env::var("TTIS_SCHEMATHESIS").unwrap_or_else(|_| {
        let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
        format!("{home}/.cache/ttis-venv/bin/schemathesis")
    });
    assert!(std::path::Path::new(&bin).exists(), "schemathesis not found at {bin}; `cargo xtask test` installs it");
    bin
}

#[tokio::test]
async fn schemathesis_finds_no_server_error_spec_violation_or_accepted_invalid_input() {
    let bin = schemathesis();
    let app = TestApp::spawn_with(Backend::Sqlite, |env| {
        env.insert("TTIS_POW_DIFFICULTY".into(), "0".into());
        env.insert("TTIS_LOGIN_MAX_FAILURES_PER_IP".into(), "100000".into());
        env.insert("TTIS_LOGIN_MAX_FAILURES_PER_ACCOUNT".into(), "100000".into());
    })
    .await;
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let head = app.user_with_roles("kadis@ttis.test", &["head"]).await;
    let admin = app.admin_token().await;
    // Enrolled, so that the run turning the second-factor policy on does not hold them at their
    // own account for the rest of it.
    app.enrol_totp(&head, ttis_tests::USER_PASSWORD).await;
    app.enrol_totp(&admin, ttis_tests::ADMIN_PASSWORD).await;
    let spec = app.url("/api/openapi.json");
    let mut generated = 0u64;
    for (who, token) in
        [("anonymous", "not-a-token".to_string()), ("analyst", analyst), ("head", head), ("admin", admin)]
    {
        let app_address = app.address.clone();
        let (program, spec) = (bin.clone(), spec.clone());
        let out = tokio::task::spawn_blocking(move || {
            Command::new(&program)
                .args(["run", &spec, "--url", &app_address])
                // One worker: with two, Hypothesis parses lambda sources from two threads at once,
                // and Python 3.11's `ast` is not thread-safe ("AST constructor recursion depth
                // mismatch", a runtime error in the tool, not a finding about the API).
                .args(["--phases", "examples,coverage,fuzzing,stateful", "--max-examples", "25", "--workers", "1"])
                .args(["--exclude-checks", "positive_data_acceptance", "--seed", "20261129"])
                // Signing out, or ending a session by its id (the run learns its own from the
                // session lists), would end the session the rest of the run uses.
                .args(["--exclude-path", "/api/v1/auth/logout"])
                .args(["--exclude-operation-id", "delete_own_session", "--exclude-operation-id", "delete_user_session"])
                .args(["-H", &format!("Authorization: Bearer {token}")])
                .env("NO_COLOR", "1")
                .output()
        })
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|e| panic!("cannot run {bin}: {e}"));
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        let summary = text.lines().rev().find(|l| l.contains("generated")).unwrap_or_default().trim().to_string();
        println!("schemathesis as {who}: {summary}");
        if std::env::var_os("TTIS_FUZZ_VERBOSE").is_some() {
            println!("{text}");
        }
        if std::env::var_os("TTIS_FUZZ_VERBOSE").is_some() {
            println!("{text}");
        }
        generated += summary.split_whitespace().next().and_then(|n| n.parse::<u64>().ok()).unwrap_or(0);
        assert!(out.status.success(), "schemathesis as {who} found problems:\n{text}");
    }
    assert!(generated > 1000, "the runs generated {generated} cases");
}
