use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::MigratorTrait;
use serde_json::{Value, json};
use ttis_api::migrations::Migrator;
use ttis_tests::must::{ResponseExt, i64_at, str_at};
use ttis_tests::{ADMIN_EMAIL, ADMIN_PASSWORD, TestApp, db_tests, problem};

db_tests!(
    admins_manage_accounts,
    account_rules_are_the_shared_rules,
    the_last_admin_stays,
    password_reset_ends_sessions,
    every_staff_route_refuses_anonymous_and_every_admin_route_refuses_others,
    roles_move_from_the_comma_list_to_their_own_table,
);

/// The migration to `user_roles` keeps every role an account held in the old comma list (and
/// going back writes the list again).
async fn roles_move_from_the_comma_list_to_their_own_table(app: TestApp) {
    let admin = app.admin_token().await;
    let body =
        json!({"email": "sari@ttis.test", "name": "Sari", "roles": ["analyst"], "password": "sari-sandi-panjang"});
    let created: Value = app.send_json(Method::POST, "/api/v1/users", Some(&admin), &body).await.json_body().await;
    let id = i64_at(&created, "/id");
    ttis_tests::migrate_down_to_before(&app.db, "m20261206_000014_user_roles").await;
    let stored = app
        .db
        .query_one(Statement::from_string(
            app.db.get_database_backend(),
            format!("SELECT roles FROM users WHERE id = {id}"),
        ))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .and_then(|r| r.try_get::<String>("", "roles").ok());
    assert_eq!(stored.as_deref(), Some("analyst"), "going back writes the comma list again");
    app.db
        .execute_unprepared(&format!("UPDATE users SET roles = 'head, analyst,bogus' WHERE id = {id}"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    Migrator::up(&app.db, None).await.unwrap_or_else(|e| panic!("up: {e}"));
    let user: Value = app.get(&format!("/api/v1/users/{id}"), Some(&admin)).await.json_body().await;
    assert_eq!(user["roles"], json!(["analyst", "head"]), "known roles kept, sorted; unknown names dropped");
    let admin_again: Value = app.get("/api/v1/users", Some(&admin)).await.json_body().await;
    assert!(admin_again["items"].as_array().is_some_and(|u| u.iter().any(|u| u["roles"] == json!(["admin"]))));
}

async fn admins_manage_accounts(app: TestApp) {
    let admin = app.admin_token().await;
    let body = json!({"email": "Kadis@Kukarkab.go.id", "name": "Kepala Dinas", "roles": ["head"], "password": "kepala-dinas-sandi"});
    let res = app.send_json(Method::POST, "/api/v1/users", Some(&admin), &body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Value = res.json_body().await;
    assert_eq!(created["email"], "kadis@kukarkab.go.id", "stored lower-case");
    assert_eq!(created["roles"], json!(["head"]));
    assert!(created.get("password_hash").is_none() && created.get("password").is_none());
    let id = i64_at(&created, "/id");

    let dup = app.send_json(Method::POST, "/api/v1/users", Some(&admin), &body).await;
    assert_eq!(dup.status(), StatusCode::CONFLICT);
    assert_eq!(problem(dup).await["code"], "email_taken");

    let list: Value = app.get("/api/v1/users", Some(&admin)).await.json_body().await;
    assert_eq!(list["total"], 2);
    let one: Value = app.get(&format!("/api/v1/users/{id}"), Some(&admin)).await.json_body().await;
    assert_eq!(one["name"], "Kepala Dinas");
    assert_eq!(app.get("/api/v1/users/99999", Some(&admin)).await.status(), StatusCode::NOT_FOUND);

    let res = app
        .send_json(
            Method::PATCH,
            &format!("/api/v1/users/{id}"),
            Some(&admin),
            &json!({"roles": ["head", "analyst"], "name": "Dr. Kadis", "password": ADMIN_PASSWORD}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let updated: Value = res.json_body().await;
    assert_eq!(updated["roles"], json!(["analyst", "head"]));
    assert_eq!(updated["name"], "Dr. Kadis");

    // The new roles apply to the next request of an existing session.
    let head = app.token_for("kadis@kukarkab.go.id", "kepala-dinas-sandi").await;
    let me: Value = app.get("/api/v1/auth/me", Some(&head)).await.json_body().await;
    assert_eq!(me["roles"], json!(["analyst", "head"]));
    let promote = json!({"roles": ["admin"], "password": ADMIN_PASSWORD});
    app.send_json(Method::PATCH, &format!("/api/v1/users/{id}"), Some(&admin), &promote).await;
    assert_eq!(
        app.get("/api/v1/users", Some(&head)).await.status(),
        StatusCode::OK,
        "promoted without signing in again"
    );
}

async fn account_rules_are_the_shared_rules(app: TestApp) {
    let admin = app.admin_token().await;
    let res = app
        .send_json(
            Method::POST,
            "/api/v1/users",
            Some(&admin),
            &json!({"email": "not-an-email", "name": " ", "roles": [], "password": "short"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let p = problem(res).await;
    assert_eq!(p["code"], "validation_failed");
    let fields: Vec<(String, String)> = p["errors"]
        .as_array()
        .map(|e| {
            e.iter()
                .map(|x| (x["field"].as_str().unwrap_or("").into(), x["code"].as_str().unwrap_or("").into()))
                .collect()
        })
        .unwrap_or_default();
    let expected: Vec<(String, String)> =
        [("email", "invalid_email"), ("name", "required"), ("password", "too_short"), ("roles", "no_roles")]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
    assert_eq!(fields, expected);
    // The message is the shared crate's, in the caller's language.
    let msg = str_at(&p, "/errors/2/message").to_string();
    assert_eq!(msg, ttis_shared::validation::Violation::TooShort { min: 12 }.message(ttis_shared::Lang::Id));

    let res = app
        .client
        .post(app.url("/api/v1/users"))
        .bearer_auth(&admin)
        .header("accept-language", "en-US,en;q=0.9")
        .json(&json!({"email": "a@b.id", "name": "A", "roles": ["wizard"], "password": "long-enough-password"}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "unknown role is a schema error");
    assert_eq!(problem(res).await["code"], "invalid_body");
}

async fn the_last_admin_stays(app: TestApp) {
    let admin = app.admin_token().await;
    let me: Value = app.get("/api/v1/auth/me", Some(&admin)).await.json_body().await;
    let id = i64_at(&me, "/id");
    for change in [json!({"disabled": true}), json!({"roles": ["analyst"], "password": ADMIN_PASSWORD})] {
        let res = app.send_json(Method::PATCH, &format!("/api/v1/users/{id}"), Some(&admin), &change).await;
        assert_eq!(res.status(), StatusCode::CONFLICT, "{change}");
        assert_eq!(problem(res).await["code"], "last_admin");
    }
    // With a second admin, the first may step down.
    app.user_with_roles("admin2@ttis.test", &["admin"]).await;
    let res = app
        .send_json(
            Method::PATCH,
            &format!("/api/v1/users/{id}"),
            Some(&admin),
            &json!({"roles": ["analyst"], "password": ADMIN_PASSWORD}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.get("/api/v1/users", Some(&admin)).await.status(), StatusCode::FORBIDDEN);
}

async fn password_reset_ends_sessions(app: TestApp) {
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let me: Value = app.get("/api/v1/auth/me", Some(&analyst)).await.json_body().await;
    let admin = app.admin_token().await;
    let path = format!("/api/v1/users/{}/password", me["id"]);
    let short = app.send_json(Method::POST, &path, Some(&admin), &json!({"new_password": "123"})).await;
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json!({"new_password": "a-brand-new-password", "password": ADMIN_PASSWORD});
    let res = app.send_json(Method::POST, &path, Some(&admin), &body).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/v1/auth/me", Some(&analyst)).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.login("analis@ttis.test", "password-of-a-test-user").await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.login("analis@ttis.test", "a-brand-new-password").await.status(), StatusCode::OK);
    assert_eq!(app.login(ADMIN_EMAIL, "a-brand-new-password").await.status(), StatusCode::UNAUTHORIZED);
}

/// Walks the OpenAPI document, so that a new staff route cannot be forgotten: every operation
/// that declares the bearer scheme answers `401` to an anonymous caller, and every operation
/// tagged `users` or `security` (but the reporter data request) answers `403` to an analyst and a head.
async fn every_staff_route_refuses_anonymous_and_every_admin_route_refuses_others(app: TestApp) {
    let spec: Value = app.get("/api/openapi.json", None).await.json_body().await;
    let analyst = app.user_with_roles("analis@ttis.test", &["analyst"]).await;
    let head = app.user_with_roles("kadis@ttis.test", &["head"]).await;
    let mut staff_routes = 0;
    let mut admin_routes = 0;
    let paths = spec["paths"].as_object().cloned().unwrap_or_default();
    for (path, item) in &paths {
        for (method, op) in item.as_object().cloned().unwrap_or_default() {
            let secured =
                op["security"].as_array().is_some_and(|reqs| reqs.iter().any(|r| r.get("bearer_auth").is_some()));
            let anonymous_allowed = op["security"]
                .as_array()
                .is_some_and(|reqs| reqs.iter().any(|r| r.as_object().is_some_and(|o| o.is_empty())));
            if !secured || anonymous_allowed {
                continue;
            }
            let concrete = path.replace("{id}", "1").replace("{code}", "TTIS-2026-000001");
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap_or(Method::GET);
            let anon = app.fresh_client().request(method.clone(), app.url(&concrete)).json(&json!({})).send().await;
            let anon = anon.unwrap_or_else(|e| panic!("{method} {path}: {e}"));
            assert_eq!(anon.status(), StatusCode::UNAUTHORIZED, "anonymous {method} {path}");
            assert_eq!(problem(anon).await["code"], "unauthenticated");
            staff_routes += 1;
            let tagged = |tag: &str| op["tags"].as_array().is_some_and(|t| t.iter().any(|t| t == tag));
            let admin_only = tagged("users")
                || tagged("organization")
                || tagged("categories")
                || (tagged("pses") && method != Method::GET)
                || (tagged("security") && !path.contains("reporter-data"));
            if admin_only {
                admin_routes += 1;
                for (who, token) in [("analyst", &analyst), ("head", &head)] {
                    let res = app.send_json(method.clone(), &concrete, Some(token), &json!({})).await;
                    assert_eq!(res.status(), StatusCode::FORBIDDEN, "{who} {method} {path}");
                }
            }
        }
    }
    assert!(staff_routes >= 6, "found {staff_routes} staff routes");
    assert_eq!(
        admin_routes, 24,
        "users (5, 3 for sessions and second factors, 2 for signer profiles), organisation (5, and the setup \
         checklist), taxonomy changes (2), PSE changes (3), security policy and retention (3)"
    );
}
