use reqwest::Method;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;
use ttis_api::services::audit::verify_chain;
use ttis_tests::must::ResponseExt;
use ttis_tests::{ADMIN_EMAIL, TestApp, db_tests};

db_tests!(the_audit_chain_verifies_and_catches_an_edited_row);

async fn the_audit_chain_verifies_and_catches_an_edited_row(app: TestApp) {
    let admin = app.admin_token().await;
    app.login(ADMIN_EMAIL, "a-wrong-password!").await;
    app.send_json(
        Method::POST,
        "/api/v1/users",
        Some(&admin),
        &json!({"email": "a@ttis.test", "name": "A", "roles": ["analyst"], "password": "long-enough-password"}),
    )
    .await;
    assert_eq!(verify_chain(&app.db).await.ok(), Some(None), "intact chain");
    let v: serde_json::Value = app.get("/api/v1/audit/verification", Some(&admin)).await.json_body().await;
    assert_eq!(v, json!({"intact": true, "checked": 4, "first_broken_id": null}));
    let analyst = app.token_for("a@ttis.test", "long-enough-password").await;
    assert_eq!(app.get("/api/v1/audit/verification", Some(&analyst)).await.status(), reqwest::StatusCode::FORBIDDEN);
    assert_eq!(app.get("/api/v1/audit", Some(&analyst)).await.status(), reqwest::StatusCode::FORBIDDEN);
    let logins: serde_json::Value =
        app.get("/api/v1/audit?action=auth.&per_page=10", Some(&admin)).await.json_body().await;
    let listed: Vec<&str> =
        logins["items"].as_array().map(|i| i.iter().filter_map(|e| e["action"].as_str()).collect()).unwrap_or_default();
    assert_eq!(listed, ["auth.login", "auth.login_failed", "auth.login"], "newest first, by prefix");
    assert!(logins["items"][1]["details"].is_object());
    app.db
        .execute_unprepared("DELETE FROM audit_log WHERE action = 'auth.login' AND id > 4")
        .await
        .unwrap_or_else(|e| panic!("{e}"));

    let actions: Vec<String> = app
        .db
        .query_all(Statement::from_string(app.db.get_database_backend(), "SELECT action FROM audit_log ORDER BY id"))
        .await
        .unwrap_or_else(|e| panic!("SELECT action FROM audit_log: {e}"))
        .iter()
        .filter_map(|r| r.try_get::<String>("", "action").ok())
        .collect();
    assert_eq!(actions, ["user.bootstrap_admin", "auth.login", "auth.login_failed", "user.create"]);

    app.db
        .execute_unprepared("UPDATE audit_log SET actor = 'someone-else' WHERE action = 'auth.login_failed'")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let broken = verify_chain(&app.db).await.ok().flatten();
    assert_eq!(broken, Some(3), "the edited row is the first broken link");
    let v: serde_json::Value = app.get("/api/v1/audit/verification", Some(&admin)).await.json_body().await;
    assert_eq!(v, json!({"intact": false, "checked": 2, "first_broken_id": 3}));
}
