//! Signed documents that name who signed (issue: official-grade documents): each head signs in
//! their own name with their own signer profile, only with their password (and code), the
//! document keeps the profile as it was at signing, and anyone holding a paper copy finds it by
//! its printed number or the short code under its QR code.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use ttis_tests::must::{ResponseExt, i64_at, str_at};
use ttis_tests::{
    HEAD_NAME, HEAD_NIP, ISSUER, Team, TestApp, USER_PASSWORD, approve, authenticator_code, db_tests, final_doc,
    pdf_qr_codes, pdf_text, problem, sample_analysis, sample_report,
};

db_tests!(
    each_head_signs_in_their_own_name,
    approving_needs_the_heads_password_and_a_complete_profile,
    a_later_profile_edit_leaves_signed_documents_as_they_were,
    signer_profiles_are_kept_by_heads_and_admins_only,
    a_paper_copy_is_found_by_its_number_or_code,
);

/// The text with every run of whitespace made one space, as a reader sees it.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Files `report` and takes it to `awaiting_approval`; returns its code.
async fn awaiting(app: &TestApp, t: &Team, report: Value) -> String {
    let res = app.submit_json(&report).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let receipt: Value = res.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    for body in [
        json!({"action": "start_verification"}),
        json!({"action": "verify", "analysis": sample_analysis(t.analyst_id)}),
        json!({"action": "submit_for_approval"}),
    ] {
        app.act_ok(&t.analyst, &code, body).await;
    }
    code
}

async fn verification(app: &TestApp, reference: &str) -> reqwest::Response {
    let encoded: String = url::form_urlencoded::byte_serialize(reference.as_bytes()).collect();
    // `form_urlencoded` writes spaces as `+`; a path wants `%20`.
    app.get(&format!("/api/v1/documents/{}/verification", encoded.replace('+', "%20")), None).await
}

async fn user_id(app: &TestApp, token: &str) -> i64 {
    let me: Value = app.get("/api/v1/auth/me", Some(token)).await.json_body().await;
    i64_at(&me, "/id")
}

async fn each_head_signs_in_their_own_name(app: TestApp) {
    let t = app.team().await;
    let admin = app.admin_token().await;
    // A second head, the agency's secretary, signs on the head's behalf (a.n.); the admin keeps
    // her profile.
    let secretary = app.user_with_roles("sekretaris@ttis.test", &["head"]).await;
    let secretary_id = user_id(&app, &secretary).await;
    let profile = json!({"full_name": "Ir. Siti Rahmawati, M.T.", "nip": "19800202 200502 2 002",
        "rank": "Pembina (IV/a)", "position_title": "Sekretaris", "capacity": "on_behalf"});
    let path = format!("/api/v1/users/{secretary_id}/signer-profile");
    let res = app.send_json(Method::PUT, &path, Some(&admin), &profile).await;
    assert_eq!(res.status(), StatusCode::OK);
    let view: Value = res.json_body().await;
    assert_eq!(view["complete"], true);
    assert_eq!(view["profile"]["nip"], "198002022005022002", "spaces in a NIP are dropped");
    assert_eq!(view["signature_lines"], json!(["a.n. KEPALA DINAS KOMUNIKASI DAN INFORMATIKA", "SEKRETARIS,"]));

    let by_head = awaiting(&app, &t, sample_report()).await;
    let by_secretary = awaiting(&app, &t, sample_report()).await;
    let head_detail = app.act_ok(&t.head, &by_head, approve()).await;
    let secretary_detail = app.act_ok(&secretary, &by_secretary, approve()).await;

    for (code, detail, name, nip, lines, other_name) in [
        (
            &by_head,
            &head_detail,
            HEAD_NAME,
            HEAD_NIP,
            vec!["KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,"],
            "Siti Rahmawati",
        ),
        (
            &by_secretary,
            &secretary_detail,
            "Ir. Siti Rahmawati, M.T.",
            "198002022005022002",
            vec!["a.n. KEPALA DINAS KOMUNIKASI DAN INFORMATIKA", "SEKRETARIS,"],
            "Kepala Uji",
        ),
    ] {
        for kind in ["notification_letter", "certificate"] {
            let doc = final_doc(detail, kind);
            let text = flat(&pdf_text(&app.document_pdf(&t.analyst, code, &doc).await));
            assert!(text.contains(name), "{kind} of {code} names {name}:\n{text}");
            assert!(text.contains(&format!("NIP. {nip}")), "{kind} of {code} carries NIP {nip}:\n{text}");
            for line in &lines {
                assert!(text.contains(line), "{kind} of {code} has the line {line:?}:\n{text}");
            }
            assert!(!text.contains(other_name), "{kind} of {code} names only its own signer:\n{text}");
            assert_eq!(doc["signature"]["signer_name"], name);
            assert_eq!(doc["signature"]["signer_nip"], nip);
            // The public page says the same, whichever reference is used.
            for reference in [
                str_at(&doc, "/id").to_string(),
                str_at(&doc, "/number").to_string(),
                str_at(&doc, "/verification_code").to_string(),
            ] {
                let res = verification(&app, &reference).await;
                assert_eq!(res.status(), StatusCode::OK, "{reference}");
                let v: Value = res.json_body().await;
                assert_eq!(v["signature"]["signer_name"], name, "{reference}");
                assert_eq!(v["signature"]["signer_nip"], nip, "{reference}");
                assert_eq!(v["signature_valid"], true);
            }
        }
    }
    let v: Value = verification(&app, final_doc(&secretary_detail, "notification_letter")["id"].as_str().unwrap_or(""))
        .await
        .json_body()
        .await;
    assert_eq!(v["signature"]["signer_capacity"], "on_behalf");
    assert_eq!(v["signature"]["signer_title"], "a.n. Kepala Dinas Komunikasi dan Informatika, Sekretaris");
    assert_eq!(v["signature"]["signer_rank"], "Pembina (IV/a)");
    // The audit log records each signature with the profile it was made with.
    assert_eq!(app.count("audit_log WHERE action = 'documents.sign'").await, 2);
    assert_eq!(app.count("audit_log WHERE action = 'documents.sign' AND details LIKE '%198002022005022002%'").await, 1);
    assert_eq!(
        app.count(&format!("audit_log WHERE action = 'documents.sign' AND details LIKE '%{HEAD_NIP}%'")).await,
        1
    );
}

async fn approving_needs_the_heads_password_and_a_complete_profile(app: TestApp) {
    let t = app.team().await;
    let code = awaiting(&app, &t, sample_report()).await;

    // A head without a complete profile is told which fields are missing; nothing is signed.
    let acting = app.user_with_roles("plt@ttis.test", &["head"]).await;
    let res = app.act(&acting, &code, approve()).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let p = problem(res).await;
    assert_eq!(p["code"], "signer_profile_incomplete");
    let fields: Vec<&str> =
        p["errors"].as_array().map(|e| e.iter().filter_map(|x| x["field"].as_str()).collect()).unwrap_or_default();
    assert_eq!(
        fields,
        ["signer_profile.full_name", "signer_profile.nip", "signer_profile.rank", "signer_profile.position_title"]
    );
    let partial =
        json!({"full_name": "Drs. Plt Kepala", "nip": "", "rank": "", "position_title": "", "capacity": "plt"});
    let res = app.send_json(Method::PUT, "/api/v1/auth/signer-profile", Some(&acting), &partial).await;
    let view: Value = res.json_body().await;
    assert_eq!(view["complete"], false);
    assert_eq!(view["missing"], json!(["nip", "rank", "position_title"]));
    let p = problem(app.act(&acting, &code, approve()).await).await;
    assert_eq!(p["code"], "signer_profile_incomplete");
    assert!(str_at(&p, "/detail").contains("nip"), "{p}");

    // Without the password: 401 reauthentication_required (problem+json), nothing signed.
    let res = app.act(&t.head, &code, json!({"action": "approve"})).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(
        res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").contains("problem+json"),
        "a problem body"
    );
    assert_eq!(problem(res).await["code"], "reauthentication_required");
    // With a wrong one: refused, audited.
    let res = app.act(&t.head, &code, json!({"action": "approve", "password": "not-the-heads-password"})).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(problem(res).await["code"], "reauthentication_required");
    assert_eq!(app.count("audit_log WHERE action = 'auth.reauthentication_failed'").await, 1);
    let detail = app.ticket(&t.head, &code).await;
    assert_eq!(detail["state"], "awaiting_approval");
    assert_eq!(app.count("documents WHERE signature IS NOT NULL").await, 0, "nothing was signed");
    assert_eq!(app.count("audit_log WHERE action = 'ticket.approve'").await, 0);

    // Wrong passwords count against the sign-in throttle: a stolen session cannot guess it.
    let complete = json!({"full_name": "Drs. Plt Kepala", "nip": "197503032000031003", "rank": "Pembina Tingkat I (IV/b)",
        "position_title": "Kepala Bidang Persandian", "capacity": "plt"});
    app.send_json(Method::PUT, "/api/v1/auth/signer-profile", Some(&acting), &complete).await;
    let mut limited = false;
    for _ in 0..10 {
        let res = app.act(&acting, &code, json!({"action": "approve", "password": "guess-guess-guess"})).await;
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            limited = true;
            break;
        }
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    assert!(limited, "guesses at the password are throttled");
    assert_eq!(app.login("plt@ttis.test", USER_PASSWORD).await.status(), StatusCode::TOO_MANY_REQUESTS);

    // With a second factor, the password alone is not enough; with a current code it signs.
    let res =
        app.send_json(Method::POST, "/api/v1/auth/totp", Some(&t.head), &json!({"password": USER_PASSWORD})).await;
    let secret = str_at(&res.json_body::<Value>().await, "/secret").to_string();
    let res = app
        .send_json(
            Method::POST,
            "/api/v1/auth/totp/activation",
            Some(&t.head),
            &json!({"code": authenticator_code(&secret, -1)}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = app.act(&t.head, &code, approve()).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(problem(res).await["code"], "reauthentication_required");
    let mut body = approve();
    body["totp"] = json!("000000");
    assert_eq!(app.act(&t.head, &code, body.clone()).await.status(), StatusCode::UNAUTHORIZED);
    body["totp"] = json!(authenticator_code(&secret, 0));
    let detail = app.act_ok(&t.head, &code, body.clone()).await;
    assert_eq!(detail["state"], "approved");
    assert_eq!(final_doc(&detail, "notification_letter")["signature"]["signer_name"], HEAD_NAME);
}

async fn a_later_profile_edit_leaves_signed_documents_as_they_were(app: TestApp) {
    let t = app.team().await;
    let code = awaiting(&app, &t, sample_report()).await;
    let detail = app.act_ok(&t.head, &code, approve()).await;
    let letter = final_doc(&detail, "notification_letter");
    let before = app.document_pdf(&t.analyst, &code, &letter).await;
    let sha = hex::encode(Sha256::digest(&before));
    assert_eq!(letter["sha256"], sha);

    // The head is promoted and renames the profile.
    let edited = json!({"full_name": "Prof. Dr. H. Kepala Baru, M.Si.", "nip": "196901011994031009",
        "rank": "Pembina Utama (IV/e)", "position_title": "Kepala Dinas Komunikasi dan Informatika",
        "capacity": "definitive"});
    let res = app.send_json(Method::PUT, "/api/v1/auth/signer-profile", Some(&t.head), &edited).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.count("audit_log WHERE action = 'signer_profile.update'").await, 2, "set up, then edited");

    let after = app.document_pdf(&t.analyst, &code, &letter).await;
    assert_eq!(after, before, "the signed file is the same bytes");
    let detail = app.ticket(&t.analyst, &code).await;
    let again = final_doc(&detail, "notification_letter");
    assert_eq!(again["sha256"], sha);
    assert_eq!(again["signature"]["signer_name"], HEAD_NAME);
    let v: Value = verification(&app, letter["id"].as_str().unwrap_or("")).await.json_body().await;
    assert_eq!(v["sha256"], sha);
    assert_eq!(v["signature"]["signer_name"], HEAD_NAME);
    assert_eq!(v["signature"]["signer_nip"], HEAD_NIP);
    assert_eq!(v["signature_valid"], true);
    assert!(!flat(&pdf_text(&after)).contains("Kepala Baru"));
}

async fn signer_profiles_are_kept_by_heads_and_admins_only(app: TestApp) {
    let t = app.team().await;
    let admin = app.admin_token().await;
    let head_id = user_id(&app, &t.head).await;
    let own = "/api/v1/auth/signer-profile";
    let theirs = format!("/api/v1/users/{head_id}/signer-profile");
    let body = ttis_tests::signer_profile("Dr. Siapa Saja", "197001011995031001");

    assert_eq!(app.get(own, None).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.get(own, Some(&t.analyst)).await.status(), StatusCode::FORBIDDEN, "analysts sign nothing");
    assert_eq!(app.send_json(Method::PUT, own, Some(&admin), &body).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.get(&theirs, Some(&t.analyst)).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.get(&theirs, Some(&t.head)).await.status(), StatusCode::FORBIDDEN, "only the admin edits others'");
    assert_eq!(app.send_json(Method::PUT, &theirs, None, &body).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.get("/api/v1/users/9999/signer-profile", Some(&admin)).await.status(), StatusCode::NOT_FOUND);

    let view: Value = app.get(&theirs, Some(&admin)).await.json_body().await;
    assert_eq!(view["profile"]["full_name"], HEAD_NAME);
    assert_eq!(view["complete"], true);

    // Bad input is refused field by field and changes nothing.
    let mut bad = body.clone();
    bad["nip"] = json!("12345");
    bad["capacity"] = json!("acting");
    assert_eq!(problem(app.send_json(Method::PUT, own, Some(&t.head), &bad).await).await["code"], "invalid_body");
    bad["capacity"] = json!("plh");
    let p = problem(app.send_json(Method::PUT, own, Some(&t.head), &bad).await).await;
    assert_eq!(p["errors"][0]["field"], "nip");
    assert_eq!(p["errors"][0]["code"], "invalid_nip");
    let view: Value = app.get(own, Some(&t.head)).await.json_body().await;
    assert_eq!(view["profile"]["nip"], HEAD_NIP);
    assert_eq!(view["profile"]["capacity"], "definitive");

    let res = app.send_json(Method::PUT, &theirs, Some(&admin), &body).await;
    assert_eq!(res.status(), StatusCode::OK);
    let view: Value = app.get(own, Some(&t.head)).await.json_body().await;
    assert_eq!(view["profile"]["full_name"], "Dr. Siapa Saja");
    assert_eq!(app.count("audit_log WHERE action = 'signer_profile.update'").await, 2);
}

async fn a_paper_copy_is_found_by_its_number_or_code(app: TestApp) {
    let t = app.team().await;
    let admin = app.admin_token().await;
    let pse = json!({"name": "Dinas Pendidikan Kabupaten Kutai Kartanegara", "head_name": "Kepala",
        "head_title": "Kepala Dinas Pendidikan Kabupaten Kutai Kartanegara", "emails": ["disdik@kukarkab.go.id"],
        "assets": [{"kind": "exact_host", "value": "disdik.kukarkab.go.id"}]});
    assert_eq!(app.send_json(Method::POST, "/api/v1/pses", Some(&admin), &pse).await.status(), StatusCode::CREATED);
    let amber = awaiting(&app, &t, sample_report()).await;
    let mut green_report = sample_report();
    green_report["tlp"] = json!("green");
    let green = awaiting(&app, &t, green_report).await;
    let amber_detail = app.act_ok(&t.head, &amber, approve()).await;
    let green_detail = app.act_ok(&t.head, &green, approve()).await;

    let letter = final_doc(&amber_detail, "notification_letter");
    let number = str_at(&letter, "/number").to_string();
    let printed = str_at(&letter, "/verification_code").to_string();
    assert!(number.contains("/DISKOMINFO/"), "{number}");
    // About ten characters of an alphabet without 0/O or 1/I/L, printed under the QR code.
    let compact = printed.replace('-', "");
    assert_eq!(compact.len(), 10, "{printed}");
    assert!(compact.chars().all(|c| "23456789ABCDEFGHJKMNPQRSTUVWXYZ".contains(c)), "{printed}");
    let letter_pdf = app.document_pdf(&t.analyst, &amber, &letter).await;
    let text = flat(&pdf_text(&letter_pdf));
    assert!(text.contains(&printed), "the code is printed on the letter:\n{text}");
    assert_eq!(pdf_qr_codes(&letter_pdf), [format!("{ISSUER}/verify/{compact}")]);

    // Any reference, in any case, with spaces around, finds the same document.
    let id = str_at(&letter, "/id").to_string();
    for reference in [
        number.clone(),
        format!("  {}  ", number.to_lowercase()),
        printed.clone(),
        compact.to_lowercase(),
        format!(" {} ", printed.to_lowercase()),
        id.to_uppercase(),
    ] {
        let res = verification(&app, &reference).await;
        assert_eq!(res.status(), StatusCode::OK, "{reference:?}");
        let v: Value = res.json_body().await;
        assert_eq!(v["id"], id, "{reference:?}");
        assert_eq!(v["verification_code"], printed);
    }
    for unknown in ["B-999/DISKOMINFO/000.6/12/2026", "ZZZZZ-ZZZZZ", "x", "   "] {
        assert_eq!(verification(&app, unknown).await.status(), StatusCode::NOT_FOUND, "{unknown:?}");
    }
    // The byte-for-byte check takes the same references.
    let res = app
        .client
        .post(app.url(&format!(
            "/api/v1/documents/{}/verification",
            url::form_urlencoded::byte_serialize(number.as_bytes()).collect::<String>()
        )))
        .header("content-type", "application/pdf")
        .body(letter_pdf.clone())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.json_body::<Value>().await["matches"], true);

    // TLP:AMBER: only what confirms authenticity, never the PSE or the category.
    for doc in [letter.clone(), final_doc(&amber_detail, "certificate")] {
        let v: Value = verification(&app, doc["id"].as_str().unwrap_or("")).await.json_body().await;
        assert!(v.get("subject").is_none(), "{v}");
        let page = v.to_string();
        for hidden in ["Dinas Pendidikan", "Defacement", "web_defacement"] {
            assert!(!page.contains(hidden), "{hidden:?} shows on an AMBER document's page: {page}");
        }
        for shown in ["number", "date", "sha256", "signature", "kind"] {
            assert!(v.get(shown).is_some(), "{shown} missing: {v}");
        }
    }
    // TLP:GREEN may say what it is about.
    let v: Value = verification(&app, final_doc(&green_detail, "notification_letter")["id"].as_str().unwrap_or(""))
        .await
        .json_body()
        .await;
    assert!(str_at(&v, "/subject").contains("Dinas Pendidikan"), "{v}");
}
