//! SOP steps 5-7 over HTTP: the letter and certificate drafted on verification, edited with every
//! version kept, submitted, returned, approved with numbers, QR codes and signatures, verified by
//! anyone, and revoked by an admin.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{Datelike, Offset};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use ttis_tests::must::{ResponseExt, str_at};
use ttis_tests::{
    Backend, HEAD_NAME, HEAD_NIP, ISSUER, Team, TestApp, db_tests, pdf_qr_codes, pdf_text, problem, sample_analysis,
    sample_report,
};

db_tests!(
    the_letter_and_certificate_go_from_draft_to_signed_and_verifiable,
    organisation_settings_are_admin_only_and_shape_the_letterhead,
    concurrent_approvals_take_consecutive_numbers,
    the_documents_say_what_the_reporter_and_the_register_said,
    two_heads_approving_one_ticket_at_once_sign_it_once,
);

/// ASVS 5.0 §2 (business logic): two heads approving the same ticket at the same moment give one
/// approval, one number and one signature per document; the other is told the ticket moved on.
async fn two_heads_approving_one_ticket_at_once_sign_it_once(app: TestApp) {
    let t = app.team().await;
    let second_head = app.head_with_profile("wakil@ttis.test", "Ir. Wakil Kepala", "197001011990031002").await;
    let code = drafted(&app, &t).await;
    assert_eq!(app.act(&t.analyst, &code, json!({"action": "submit_for_approval"})).await.status(), StatusCode::OK);
    let (a, b) = tokio::join!(
        app.act(&t.head, &code, ttis_tests::approve()),
        app.act(&second_head, &code, ttis_tests::approve())
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409], "one approval; the other is refused, not a server error");
    let detail = app.ticket(&t.analyst, &code).await;
    for kind in ["notification_letter", "certificate"] {
        let finals = docs_of(&detail, kind).into_iter().filter(|d| d["status"] == "final").count();
        assert_eq!(finals, 1, "one signed {kind}");
    }
    assert_eq!(app.count("audit_log WHERE action = 'documents.sign'").await, 1);
}

/// Files the sample report and takes it to `drafted`; returns its code and access key.
async fn drafted_with_key(app: &TestApp, t: &Team) -> (String, String) {
    let res = app.submit_json(&sample_report()).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let receipt: Value = res.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    for body in [
        json!({"action": "start_verification"}),
        json!({"action": "verify", "analysis": sample_analysis(t.analyst_id)}),
    ] {
        let res = app.act(&t.analyst, &code, body.clone()).await;
        assert_eq!(res.status(), StatusCode::OK, "{body}");
    }
    (code, str_at(&receipt, "/access_key").to_string())
}

async fn drafted(app: &TestApp, t: &Team) -> String {
    drafted_with_key(app, t).await.0
}

/// The documents of a kind, newest first.
fn docs_of(detail: &Value, kind: &str) -> Vec<Value> {
    detail["documents"]
        .as_array()
        .map(|d| d.iter().filter(|x| x["kind"] == kind).cloned().collect())
        .unwrap_or_default()
}

/// The number a pattern gives for `seq` this month (WITA), as the head's approval would.
fn expected_number(pattern: &str, seq: i64) -> String {
    let now = chrono::Utc::now().with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap_or(chrono::Utc.fix()));
    const ROMAN: [&str; 12] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
    pattern
        .replace("{seq}", &seq.to_string())
        .replace("{YYYY}", &now.year().to_string())
        .replace("{MM}", &format!("{:02}", now.month()))
        .replace("{ROMAN_MM}", ROMAN[now.month0() as usize])
}

async fn post_bytes(app: &TestApp, path: &str, token: Option<&str>, bytes: Vec<u8>) -> reqwest::Response {
    let mut req = app.client.post(app.url(path)).header("content-type", "application/pdf").body(bytes);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap_or_else(|e| panic!("POST {path}: {e}"))
}

async fn the_letter_and_certificate_go_from_draft_to_signed_and_verifiable(app: TestApp) {
    let t = app.team().await;
    let admin = app.admin_token().await;
    // The PSE register names the addressee of the letter.
    let pse = json!({"name": "Dinas Pendidikan Kabupaten Kutai Kartanegara", "head_name": "Kepala",
        "head_title": "Kepala Dinas Pendidikan Kabupaten Kutai Kartanegara", "emails": ["disdik@kukarkab.go.id"],
        "address": "Jl. Pesut No. 12, Timbau, Tenggarong 75511", "place": "Tenggarong",
        "assets": [{"kind": "exact_host", "value": "disdik.kukarkab.go.id"}]});
    assert_eq!(app.send_json(Method::POST, "/api/v1/pses", Some(&admin), &pse).await.status(), StatusCode::CREATED);

    // Step 5: verifying drafts both documents at once.
    let (code, access_key) = drafted_with_key(&app, &t).await;
    let detail = app.ticket(&t.analyst, &code).await;
    assert_eq!(detail["state"], "drafted");
    let letters = docs_of(&detail, "notification_letter");
    let certificates = docs_of(&detail, "certificate");
    assert_eq!((letters.len(), certificates.len()), (1, 1));
    assert_eq!(letters[0]["status"], "draft");
    assert_eq!(letters[0]["number"], Value::Null, "no number before approval");
    let drafts = detail["drafts"]["drafts"].clone();
    assert_eq!(detail["drafts"]["revision"], 1);
    assert_eq!(drafts["letter"]["recipient"], "Kepala Dinas Pendidikan Kabupaten Kutai Kartanegara");
    assert_eq!(drafts["letter"]["nature"], "segera", "a high-severity incident is urgent");
    assert_eq!(
        drafts["certificate"]["recipient_name"], "Budi Santoso",
        "the real name: the reporter asked for the alias on the Hall of Fame, not on the certificate"
    );
    assert_eq!(drafts["letter"]["recipient_place"], "Tenggarong", "the `di` line names a town");
    let draft_text = pdf_text(&app.document_pdf(&t.analyst, &code, &letters[0]).await);
    assert!(draft_text.contains("DRAF"), "{draft_text}");
    assert!(draft_text.contains("(diberikan saat disetujui)"));

    // Analysts edit and re-render; every version is kept. Bad input is refused field by field.
    let mut edited = json!({"letter": drafts["letter"].clone(), "certificate": drafts["certificate"].clone()});
    edited["letter"]["summary"] = json!("");
    edited["letter"]["response_days"] = json!(0);
    let path = format!("/api/v1/tickets/{code}/drafts");
    let p = problem(app.send_json(Method::PUT, &path, Some(&t.analyst), &edited).await).await;
    let mut fields: Vec<&str> =
        p["errors"].as_array().map(|e| e.iter().filter_map(|x| x["field"].as_str()).collect()).unwrap_or_default();
    fields.sort_unstable();
    assert_eq!(fields, ["letter.response_days", "letter.summary"]);
    edited["letter"]["summary"] = json!("Situs Dinas Pendidikan diubah oleh pihak tidak dikenal pada malam hari.");
    edited["letter"]["response_days"] = json!(5);
    assert_eq!(
        app.send_json(Method::PUT, &path, Some(&t.head), &edited).await.status(),
        StatusCode::FORBIDDEN,
        "the head does not edit drafts"
    );
    let res = app.send_json(Method::PUT, &path, Some(&t.analyst), &edited).await;
    assert_eq!(res.status(), StatusCode::OK);
    let detail: Value = res.json_body().await;
    assert_eq!(detail["drafts"]["revision"], 2);
    let letters = docs_of(&detail, "notification_letter");
    assert_eq!(letters.iter().map(|d| d["version"].as_i64().unwrap_or(0)).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(docs_of(&detail, "certificate").len(), 2);
    let text = pdf_text(&app.document_pdf(&t.analyst, &code, &letters[0]).await);
    assert!(text.contains("pihak tidak dikenal pada malam hari"), "{text}");
    assert!(text.contains("5 hari kerja"), "{text}");

    // Step 6: submitted; the head is emailed; drafts are frozen.
    assert_eq!(app.act(&t.analyst, &code, json!({"action": "submit_for_approval"})).await.status(), StatusCode::OK);
    let mails = app.wait_for_mail(|m| m.iter().any(|x| x.contains("To: kadis@ttis.test"))).await;
    assert!(mails.iter().any(|m| m.contains("To: kadis@ttis.test") && m.contains("Menunggu persetujuan")));
    assert_eq!(app.send_json(Method::PUT, &path, Some(&t.analyst), &edited).await.status(), StatusCode::CONFLICT);
    let res = app.act(&t.analyst, &code, json!({"action": "approve"})).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "an analyst cannot approve");

    // Step 7, returned: remarks are required, kept on the drafts, emailed, and never shown to the reporter.
    let res = app.act(&t.head, &code, json!({"action": "return_for_revision"})).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let remarks = "Perbaiki rekomendasi: sebutkan batas waktu pemulihan.";
    let res = app.act(&t.head, &code, json!({"action": "return_for_revision", "message": remarks})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let detail: Value = res.json_body().await;
    assert_eq!(detail["state"], "drafted");
    assert_eq!(detail["drafts"]["remarks"], remarks);
    let mails = app.wait_for_mail(|m| m.iter().any(|x| x.contains("Dikembalikan untuk perbaikan"))).await;
    assert!(mails.iter().any(|m| m.contains("To: analis@ttis.test") && m.contains("Dikembalikan untuk perbaikan")));
    let numbered = detail["documents"].as_array().map(|d| d.iter().filter(|x| !x["number"].is_null()).count());
    assert_eq!(numbered, Some(0), "a returned draft burns no number");

    // Step 7, approved: numbers, final PDFs with QR codes, signatures.
    assert_eq!(app.act(&t.analyst, &code, json!({"action": "submit_for_approval"})).await.status(), StatusCode::OK);
    let res = app.act(&t.head, &code, ttis_tests::approve()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let detail: Value = res.json_body().await;
    assert_eq!(detail["state"], "approved");
    let letter = docs_of(&detail, "notification_letter").remove(0);
    let certificate = docs_of(&detail, "certificate").remove(0);
    assert_eq!(letter["status"], "final");
    assert_eq!(letter["version"], 3);
    assert_eq!(letter["number"], expected_number("B-{seq}/DISKOMINFO/000.6/{MM}/{YYYY}", 1));
    assert_eq!(certificate["number"], expected_number("{seq}/SERT-TTIS/{ROMAN_MM}/{YYYY}", 1));
    assert_eq!(letter["signature"]["algorithm"], "ed25519");

    let letter_pdf = app.document_pdf(&t.analyst, &code, &letter).await;
    let text = pdf_text(&letter_pdf);
    let number = str_at(&letter, "/number");
    for needle in [
        "PEMERINTAH KABUPATEN KUTAI KARTANEGARA",
        "DINAS KOMUNIKASI DAN INFORMATIKA",
        number,
        "Pemberitahuan Insiden Siber",
        "Yth. Kepala Dinas Pendidikan Kabupaten Kutai Kartanegara",
        "TLP:AMBER",
        HEAD_NAME,
        code.as_str(),
    ] {
        assert!(text.contains(needle), "{needle:?} not in the letter:\n{text}");
    }
    assert!(!text.contains("DRAF"), "the final letter is no draft");
    let letter_id = str_at(&letter, "/id");
    let short = |doc: &Value| str_at(doc, "/verification_code").replace('-', "");
    assert_eq!(pdf_qr_codes(&letter_pdf), [format!("{ISSUER}/verify/{}", short(&letter))]);
    let certificate_pdf = app.document_pdf(&t.analyst, &code, &certificate).await;
    let text = pdf_text(&certificate_pdf);
    assert!(text.contains("SERTIFIKAT APRESIASI") && text.contains("Budi Santoso"), "{text}");
    assert!(text.contains(certificate["number"].as_str().unwrap_or("?")));
    assert!(!text.contains("budisec"), "the certificate carries the real name unless asked otherwise");
    assert_eq!(pdf_qr_codes(&certificate_pdf), [format!("{ISSUER}/verify/{}", short(&certificate))]);

    // Public verification: anyone, no personal data, a signature that verifies independently.
    let res = app.get(&format!("/api/v1/documents/{letter_id}/verification"), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let v: Value = res.json_body().await;
    let sha = hex::encode(Sha256::digest(&letter_pdf));
    assert_eq!(v["sha256"], sha);
    assert_eq!(v["signature_valid"], true);
    assert_eq!(v["number"], number);
    assert_eq!(v["kind"], "notification_letter");
    assert_eq!(v["signature"]["signer_name"], HEAD_NAME);
    assert_eq!(v["signature"]["signer_nip"], HEAD_NIP);
    assert_eq!(v["revoked"], Value::Null);
    let public = v.to_string();
    for private in ["Budi", "budi@example.com", "budisec", "+62 812"] {
        assert!(!public.contains(private), "{private:?} leaks through the verification page");
    }
    let key: [u8; 32] = STANDARD.decode(str_at(&v, "/public_key")).unwrap_or_default().try_into().unwrap_or([0; 32]);
    let sig: [u8; 64] =
        STANDARD.decode(str_at(&v, "/signature/signature")).unwrap_or_default().try_into().unwrap_or([0; 64]);
    let key = ed25519_dalek::VerifyingKey::from_bytes(&key).unwrap_or_else(|e| panic!("public key: {e}"));
    let digest: [u8; 32] = Sha256::digest(&letter_pdf).into();
    assert!(key.verify_strict(&digest, &ed25519_dalek::Signature::from_bytes(&sig)).is_ok());

    // The byte-for-byte check: the same file matches, a file changed by one byte does not.
    let path = format!("/api/v1/documents/{letter_id}/verification");
    let check: Value = post_bytes(&app, &path, None, letter_pdf.clone()).await.json_body().await;
    assert_eq!(check["matches"], true);
    let mut tampered = letter_pdf.clone();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 0x01;
    let check: Value = post_bytes(&app, &path, None, tampered).await.json_body().await;
    assert_eq!(check["matches"], false);
    assert_ne!(check["uploaded_sha256"], sha);
    let too_big = post_bytes(&app, &path, None, vec![b'%'; 10 * 1024 * 1024 + 1]).await;
    assert_eq!(too_big.status(), StatusCode::PAYLOAD_TOO_LARGE);
    // Drafts and unknown ids are not public.
    let draft_id = docs_of(&detail, "notification_letter")[1]["id"].as_str().unwrap_or_default().to_string();
    assert_eq!(
        app.get(&format!("/api/v1/documents/{draft_id}/verification"), None).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get("/api/v1/documents/nope/verification", None).await.status(), StatusCode::NOT_FOUND);

    // The reporter's tracking page says the documents were approved.
    let status: Value = app
        .send_json(
            Method::POST,
            "/api/v1/reports/status",
            None,
            &json!({"ticket_code": code, "access_key": access_key}),
        )
        .await
        .json_body()
        .await;
    let kinds: Vec<&str> = status["approved_documents"]
        .as_array()
        .map(|d| d.iter().filter_map(|x| x["kind"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(kinds.len(), 2, "{status}");
    assert!(!status.to_string().contains(remarks), "the head's remarks stay internal");

    // Revocation: admins only, with a reason, once.
    let revoke = format!("/api/v1/documents/{letter_id}/revocation");
    let reason = json!({"reason": "Diterbitkan dengan alamat tujuan yang salah."});
    assert_eq!(app.send_json(Method::POST, &revoke, Some(&t.head), &reason).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.send_json(Method::POST, &revoke, None, &reason).await.status(), StatusCode::UNAUTHORIZED);
    let res = app.send_json(Method::POST, &revoke, Some(&admin), &reason).await;
    assert_eq!(res.status(), StatusCode::OK);
    let v: Value = app.get(&format!("/api/v1/documents/{letter_id}/verification"), None).await.json_body().await;
    assert_eq!(v["revoked"]["reason"], "Diterbitkan dengan alamat tujuan yang salah.");
    assert_eq!(v["signature_valid"], true, "revoked is not forged");
    assert_eq!(app.send_json(Method::POST, &revoke, Some(&admin), &reason).await.status(), StatusCode::CONFLICT);

    for action in ["ticket.approve", "ticket.return_for_revision", "drafts.update", "document.revoke"] {
        assert_eq!(app.count(&format!("audit_log WHERE action = '{action}'")).await, 1, "{action}");
    }
}

async fn organisation_settings_are_admin_only_and_shape_the_letterhead(app: TestApp) {
    let t = app.team().await;
    let admin = app.admin_token().await;
    let current: Value = app.get("/api/v1/organization", Some(&admin)).await.json_body().await;
    assert_eq!(current["organization"]["government_name"], "PEMERINTAH KABUPATEN KUTAI KARTANEGARA");
    assert_eq!(current["organization"]["letter_number_pattern"], "B-{seq}/DISKOMINFO/000.6/{MM}/{YYYY}");
    assert_eq!(current["has_logo"], false);
    assert_eq!(app.get("/api/v1/organization", Some(&t.head)).await.status(), StatusCode::FORBIDDEN);

    let mut org = current["organization"].clone();
    org["letter_number_pattern"] = json!("B-/DISKOMINFO/{YYYY}");
    org["email"] = json!("not an email");
    let p = problem(app.send_json(Method::PUT, "/api/v1/organization", Some(&admin), &org).await).await;
    let mut fields: Vec<&str> =
        p["errors"].as_array().map(|e| e.iter().filter_map(|x| x["field"].as_str()).collect()).unwrap_or_default();
    fields.sort_unstable();
    assert_eq!(fields, ["email", "letter_number_pattern"]);
    org["letter_number_pattern"] = json!("B-{seq}/DISKOMINFO/555/{MM}/{YYYY}");
    org["certificate_number_pattern"] = json!("{seq}/TTIS-KUKAR/{ROMAN_MM}/{YYYY}");
    org["email"] = json!("diskominfo@kukarkab.go.id");
    org["head_title"] = json!("Kepala Dinas Komunikasi, Informatika dan Statistik");
    org["agency_name"] = json!("DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN");
    // The organisation names no signer any more: each head account has its own profile.
    let mut retired = org.clone();
    retired["signer_name"] = json!("Dr. H. Akhmad Contoh, S.Kom., M.Si.");
    assert_eq!(
        problem(app.send_json(Method::PUT, "/api/v1/organization", Some(&admin), &retired).await).await["code"],
        "invalid_body"
    );
    assert_eq!(
        app.send_json(Method::PUT, "/api/v1/organization", Some(&t.analyst), &org).await.status(),
        StatusCode::FORBIDDEN
    );
    let res = app.send_json(Method::PUT, "/api/v1/organization", Some(&admin), &org).await;
    assert_eq!(res.status(), StatusCode::OK);

    // A logo: PNG or JPEG by content, at most 512 KiB; anything else refused.
    let logo_path = "/api/v1/organization/logo";
    let png = {
        // 1x1 PNG.
        STANDARD
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
            .unwrap_or_default()
    };
    let put = |bytes: Vec<u8>, token: String| {
        let app = &app;
        async move {
            app.client
                .put(app.url(logo_path))
                .bearer_auth(token)
                .header("content-type", "image/png")
                .body(bytes)
                .send()
                .await
                .unwrap_or_else(|e| panic!("PUT logo: {e}"))
        }
    };
    assert_eq!(
        put(b"<svg onload=alert(1)>".to_vec(), admin.clone()).await.status(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    let mut big = png.clone();
    big.resize(512 * 1024 + 1, 0);
    assert_eq!(put(big, admin.clone()).await.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(put(png.clone(), t.analyst.clone()).await.status(), StatusCode::FORBIDDEN);
    let res = put(png.clone(), admin.clone()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let view: Value = res.json_body().await;
    assert_eq!(view["has_logo"], true);
    let res = app.get(logo_path, Some(&admin)).await;
    assert_eq!(res.headers().get("content-type").and_then(|v| v.to_str().ok()), Some("image/png"));
    assert_eq!(res.body_bytes().await, png);

    // The next documents use the new settings: a draft names the head's title and leaves the
    // name to the approval; the signed one names the head who approved it.
    let code = drafted(&app, &t).await;
    let draft_letter = docs_of(&app.ticket(&t.analyst, &code).await, "notification_letter").remove(0);
    let text = pdf_text(&app.document_pdf(&t.analyst, &code, &draft_letter).await);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("KEPALA DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK"), "{text}");
    assert!(text.contains("(ditentukan saat disetujui)"), "{text}");
    app.act(&t.analyst, &code, json!({"action": "submit_for_approval"})).await;
    let detail: Value = app.act(&t.head, &code, ttis_tests::approve()).await.json_body().await;
    let letter = docs_of(&detail, "notification_letter").remove(0);
    let certificate = docs_of(&detail, "certificate").remove(0);
    assert_eq!(certificate["number"], expected_number("{seq}/TTIS-KUKAR/{ROMAN_MM}/{YYYY}", 1));
    assert_eq!(letter["number"], expected_number("B-{seq}/DISKOMINFO/555/{MM}/{YYYY}", 1));
    let text = pdf_text(&app.document_pdf(&t.analyst, &code, &letter).await);
    for needle in ["DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN", HEAD_NAME, &format!("NIP. {HEAD_NIP}")] {
        assert!(text.contains(needle), "{needle:?} not in the letter:\n{text}");
    }
    assert_eq!(app.count("audit_log WHERE action = 'organization.update'").await, 1);
    assert_eq!(app.count("audit_log WHERE action = 'organization.logo.update'").await, 1);
    let res = app.client.delete(app.url(logo_path)).bearer_auth(&admin).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.get(logo_path, Some(&admin)).await.status(), StatusCode::NOT_FOUND);
}

/// Fifty tickets approved at once (on PostgreSQL through two API processes sharing the database)
/// take fifty distinct, consecutive letter and certificate numbers.
async fn concurrent_approvals_take_consecutive_numbers(app: TestApp) {
    const N: usize = 50;
    let t = app.team().await;
    let mut codes = Vec::new();
    for _ in 0..N {
        let code = drafted(&app, &t).await;
        assert_eq!(app.act(&t.analyst, &code, json!({"action": "submit_for_approval"})).await.status(), StatusCode::OK);
        codes.push(code);
    }
    // A second process on the same PostgreSQL database, with the same keys.
    let second = if app.backend == Backend::Postgres {
        let url = app.database_url.clone();
        let key = std::fs::read_to_string(app.data_dir.path().join("signing-key")).unwrap_or_default();
        Some(
            TestApp::spawn_with(Backend::Postgres, move |env| {
                env.insert("DATABASE_URL".into(), url);
                env.insert("TTIS_SIGNING_KEY".into(), key.trim().to_string());
            })
            .await,
        )
    } else {
        None
    };
    let approvals = codes.iter().enumerate().map(|(i, code)| {
        let target = match &second {
            Some(other) if i % 2 == 1 => other,
            _ => &app,
        };
        let head = t.head.clone();
        async move { target.act(&head, code, ttis_tests::approve()).await }
    });
    let results = futures_util::future::join_all(approvals).await;
    let mut letter_seqs = Vec::new();
    let mut certificate_seqs = Vec::new();
    for res in results {
        assert_eq!(res.status(), StatusCode::OK);
        let detail: Value = res.json_body().await;
        let seq = |kind: &str| -> i64 {
            let number = docs_of(&detail, kind).remove(0)["number"].as_str().unwrap_or_default().to_string();
            let digits: String = number.trim_start_matches("B-").chars().take_while(char::is_ascii_digit).collect();
            digits.parse().unwrap_or(-1)
        };
        letter_seqs.push(seq("notification_letter"));
        certificate_seqs.push(seq("certificate"));
    }
    letter_seqs.sort_unstable();
    certificate_seqs.sort_unstable();
    let expected: Vec<i64> = (1..=N as i64).collect();
    assert_eq!(letter_seqs, expected);
    assert_eq!(certificate_seqs, expected);
}

/// Part 2 of official-grade documents, as data: the `di` line names the PSE's town, the letter
/// prints the time the reporter entered, the certificate carries the name the reporter chose for
/// it and the government as configured, the analysis report names its category, and TLP decides
/// whether the reporter receives the letter.
async fn the_documents_say_what_the_reporter_and_the_register_said(app: TestApp) {
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = app.team().await;
    let admin = app.admin_token().await;
    let pse = json!({"name": "Dinas Perhubungan Kabupaten Kutai Kartanegara", "head_name": "Kepala",
        "head_title": "Kepala Dinas Perhubungan Kabupaten Kutai Kartanegara", "emails": ["dishub@kukarkab.go.id"],
        "address": "Jl. Jembatan Besi No. 3, Loa Kulu", "place": "Tenggarong Seberang",
        "assets": [{"kind": "exact_host", "value": "dishub.kukarkab.go.id"}]});
    assert_eq!(app.send_json(Method::POST, "/api/v1/pses", Some(&admin), &pse).await.status(), StatusCode::CREATED);

    let mut report = sample_report();
    report["affected_asset"] = json!("https://dishub.kukarkab.go.id/");
    report["tlp"] = json!("green");
    report["discovered_at"] = json!("2026-11-28T08:15:00+08:00");
    report["reporter"]["hall_of_fame"] = json!("anonymous");
    report["reporter"]["certificate_name"] = json!("alias");
    report["reporter"]["alias"] = json!("");
    let p = problem(app.submit_json(&report).await).await;
    assert_eq!(p["errors"][0]["field"], "reporter.alias", "an alias on the certificate needs an alias: {p}");
    report["reporter"]["alias"] = json!("budisec");
    let res = app.submit_json(&report).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let receipt: Value = res.json_body().await;
    let code = str_at(&receipt, "/ticket_code").to_string();
    app.act_ok(&t.analyst, &code, json!({"action": "start_verification"})).await;
    let detail =
        app.act_ok(&t.analyst, &code, json!({"action": "verify", "analysis": sample_analysis(t.analyst_id)})).await;
    assert_eq!(detail["drafts"]["drafts"]["certificate"]["recipient_name"], "budisec", "the reporter asked for it");
    assert_eq!(detail["drafts"]["drafts"]["letter"]["recipient_place"], "Tenggarong Seberang");

    let analysis = docs_of(&detail, "analysis_report").remove(0);
    let text = flat(&pdf_text(&app.document_pdf(&t.analyst, &code, &analysis).await));
    assert!(text.contains("Web Defacement (Deface)"), "{text}");
    assert!(!text.contains("web_defacement"), "a category's name, never its key:\n{text}");

    app.act_ok(&t.analyst, &code, json!({"action": "submit_for_approval"})).await;
    let detail = app.act_ok(&t.head, &code, ttis_tests::approve()).await;
    let letter =
        docs_of(&detail, "notification_letter").into_iter().find(|d| d["status"] == "final").unwrap_or_default();
    let text = flat(&pdf_text(&app.document_pdf(&t.analyst, &code, &letter).await));
    assert!(text.contains("28 November 2026 pukul 08.15 WITA"), "the time the reporter entered:\n{text}");
    assert!(text.contains("di Tenggarong Seberang"), "the `di` line names the town:\n{text}");
    assert!(!text.contains("Jembatan Besi"), "never the street address:\n{text}");
    let certificate = docs_of(&detail, "certificate").into_iter().find(|d| d["status"] == "final").unwrap_or_default();
    let text = flat(&pdf_text(&app.document_pdf(&t.analyst, &code, &certificate).await));
    assert!(text.contains("budisec") && !text.contains("Budi Santoso"), "{text}");
    assert!(text.contains("Pemerintah Kabupaten Kutai Kartanegara"), "the government as configured:\n{text}");

    // TLP:GREEN: the reporter may have the letter too.
    let mails = app
        .wait_for_mail(|m| m.iter().any(|x| x.contains("To: budi@example.com") && x.contains("Sertifikat-Apresiasi")))
        .await;
    let thanks = mails
        .iter()
        .find(|m| m.contains("To: budi@example.com") && m.contains("Sertifikat-Apresiasi"))
        .cloned()
        .unwrap_or_default();
    assert!(thanks.contains(&format!("Surat-Pemberitahuan-Insiden-Siber-{code}.pdf")), "{thanks}");
}
