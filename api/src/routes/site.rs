use actix_web::{HttpResponse, get, web};
use chrono::{Duration, SecondsFormat, Utc};
use ttis_shared::dto::reports::{Label, SiteInfo};

use crate::services::sniff::EvidenceType;
use crate::state::AppState;

/// What the public pages need: the agency's names, the safe-harbour policy, evidence limits and
/// the anti-spam difficulty.
#[utoipa::path(tag = "reports", operation_id = "get_site", responses((status = 200, body = SiteInfo)), security(()))]
#[get("/site")]
pub async fn get_site(state: web::Data<AppState>) -> HttpResponse {
    let s = &state.settings;
    HttpResponse::Ok().json(SiteInfo {
        government_name: s.site.government_name.clone(),
        agency_name: s.site.agency_name.clone(),
        safe_harbor: Label { id: s.site.safe_harbor_id.clone(), en: s.site.safe_harbor_en.clone() },
        security_contact: s.site.security_contact.clone(),
        evidence_max_file_bytes: s.reports.evidence_max_file_bytes,
        evidence_max_total_bytes: s.reports.evidence_max_total_bytes,
        evidence_max_files: crate::uploads::MAX_FILES as u32,
        evidence_types: EvidenceType::ALL.iter().map(|t| t.mime().to_string()).collect(),
        pow_difficulty: s.reports.pow_difficulty,
        ticket_prefix: s.reports.ticket_prefix.clone(),
    })
}

/// The file's old location (RFC 9116 §3 names `/.well-known/` and allows a redirect from the root).
#[get("/security.txt")]
pub async fn security_txt_redirect() -> HttpResponse {
    HttpResponse::MovedPermanently()
        .insert_header((actix_web::http::header::LOCATION, "/.well-known/security.txt"))
        .finish()
}

/// `/.well-known/security.txt` (RFC 9116), generated from the configuration. Not part of the API
/// document: it is a web convention for people and scanners.
#[get("/.well-known/security.txt")]
pub async fn security_txt(state: web::Data<AppState>) -> HttpResponse {
    let s = &state.settings;
    let url = &s.public_url;
    let expires = (Utc::now() + Duration::days(180)).to_rfc3339_opts(SecondsFormat::Secs, true);
    let body = format!(
        "Contact: {contact}\nContact: {url}/report\nExpires: {expires}\nPolicy: {url}/#safe-harbor\n\
         Acknowledgments: {url}/hall-of-fame\nPreferred-Languages: id, en\nCanonical: {url}/.well-known/security.txt\n",
        contact = s.site.security_contact,
    );
    HttpResponse::Ok().content_type("text/plain; charset=utf-8").body(body)
}
