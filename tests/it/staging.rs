//! Files put into the store before a transaction commits are never orphaned: a failure injected
//! after the store write and before the commit (a database trigger that refuses the row) leaves
//! no file behind, for a report's evidence and for the documents of a verification.

use std::time::Duration;

use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};
use ttis_tests::{Backend, TestApp, db_tests, sample_analysis, sample_report};

db_tests!(a_failure_after_the_store_write_leaves_no_file_behind);

/// Makes every insert into `table` fail, until [`allow_inserts`].
async fn refuse_inserts(app: &TestApp, table: &str) {
    let statements = match app.backend {
        Backend::Sqlite => vec![format!(
            "CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
        )],
        Backend::Postgres => vec![
            "CREATE OR REPLACE FUNCTION refuse_insert() RETURNS trigger AS $$ \
             BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql"
                .to_string(),
            format!(
                "CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION refuse_insert()"
            ),
        ],
    };
    for sql in statements {
        app.db
            .execute(Statement::from_string(app.db.get_database_backend(), sql))
            .await
            .unwrap_or_else(|e| panic!("installing the failing trigger on {table}: {e}"));
    }
}

async fn allow_inserts(app: &TestApp, table: &str) {
    let sql = match app.backend {
        Backend::Sqlite => format!("DROP TRIGGER refuse_{table}"),
        Backend::Postgres => format!("DROP TRIGGER refuse_{table} ON {table}"),
    };
    app.db
        .execute(Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .unwrap_or_else(|e| panic!("dropping the failing trigger on {table}: {e}"));
}

/// Waits (up to 5 s: removal runs when the failed request's files are dropped) until the store
/// holds `expected` files; returns what it holds then.
async fn settle(app: &TestApp, expected: usize) -> usize {
    for _ in 0..50 {
        if app.stored_evidence() == expected {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.stored_evidence()
}

fn incoming(app: &TestApp) -> usize {
    std::fs::read_dir(app.data_dir.path().join("evidence").join(".incoming")).map(|d| d.count()).unwrap_or(0)
}

async fn a_failure_after_the_store_write_leaves_no_file_behind(app: TestApp) {
    let t = app.team().await;
    let report = sample_report();
    let res = app.submit_multipart(&report, vec![("bukti.txt", b"halaman berubah pukul 07.45\n".to_vec())]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let code = res.json::<Value>().await.unwrap_or_else(|e| panic!("receipt: {e}"))["ticket_code"]
        .as_str()
        .unwrap_or_else(|| panic!("no ticket code"))
        .to_string();
    assert_eq!(app.stored_evidence(), 1);

    // A report whose evidence row cannot be written: the file it put is removed, nothing stays.
    refuse_inserts(&app, "evidence").await;
    let tickets_before = app.count("tickets").await;
    let second = sample_report();
    let res = app.submit_multipart(&second, vec![("bukti.txt", b"kedua\n".to_vec())]).await;
    assert!(res.status().is_server_error(), "the injected failure answers {}", res.status());
    allow_inserts(&app, "evidence").await;
    assert_eq!(settle(&app, 1).await, 1, "the refused report's evidence file is removed from the store");
    assert_eq!(incoming(&app), 0, "and nothing is left in the incoming folder");
    assert_eq!(app.count("tickets").await, tickets_before, "and no ticket was created");

    // A verification whose documents cannot be written: the analysis report already rendered and
    // put into the store is removed, and the ticket stays where it was.
    let res = app.act(&t.analyst, &code, json!({"action": "start_verification"})).await;
    assert_eq!(res.status(), StatusCode::OK);
    refuse_inserts(&app, "documents").await;
    let verify = json!({"action": "verify", "analysis": sample_analysis(t.analyst_id)});
    let res = app.act(&t.analyst, &code, verify.clone()).await;
    assert!(res.status().is_server_error(), "the injected failure answers {}", res.status());
    allow_inserts(&app, "documents").await;
    assert_eq!(settle(&app, 1).await, 1, "the analysis report's file is removed from the store");
    assert_eq!(app.ticket(&t.analyst, &code).await["state"], "in_verification");

    // Without the failure the same verification keeps its three files (report, letter, certificate).
    let res = app.act(&t.analyst, &code, verify).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(settle(&app, 4).await, 4, "committed files stay");
}
