use reqwest::Method;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;
use ttis_api::services::audit::verify_chain;
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

    let actions: Vec<String> = app
        .db
        .query_all(Statement::from_string(app.db.get_database_backend(), "SELECT action FROM audit_log ORDER BY id"))
        .await
        .unwrap_or_default()
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
}
