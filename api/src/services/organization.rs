//! Organisation settings: the letterhead, the head's title and the numbering of letters and
//! certificates. One row, seeded from the configuration at start, edited by admins; every
//! document reads it when it is rendered.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, Set, TransactionTrait};
use serde_json::json;
use ttis_shared::dto::documents::{Organization, OrganizationView};

use super::audit::{self, Actor};
use super::now;
use crate::config::Settings;
use crate::documents::{DEFAULT_EMBLEM, Inputs};
use crate::entities::organization;
use crate::error::ApiError;

const ROW: i32 = 1;
/// The largest logo accepted: a letterhead emblem, not a photograph.
pub const LOGO_MAX_BYTES: usize = 512 * 1024;

/// Writes the row from the configuration when the database has none yet.
pub async fn seed(db: &DatabaseConnection, settings: &Settings) -> Result<(), ApiError> {
    if organization::Entity::find_by_id(ROW).one(db).await?.is_some() {
        return Ok(());
    }
    let site = &settings.site;
    organization::ActiveModel {
        id: Set(ROW),
        government_name: Set(site.government_name.clone()),
        agency_name: Set(site.agency_name.clone()),
        address: Set(site.address.clone()),
        phone: Set(site.phone.clone()),
        email: Set(site.security_contact.trim_start_matches("mailto:").to_string()),
        website: Set(settings.public_url.clone()),
        city: Set(site.city.clone()),
        head_title: Set(site.head_title.clone()),
        letter_number_pattern: Set(site.letter_number_pattern.clone()),
        certificate_number_pattern: Set(site.certificate_number_pattern.clone()),
        logo: Set(None),
        logo_content_type: Set(None),
        updated_by: Set(None),
        updated_at: Set(now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn current<C: ConnectionTrait>(conn: &C) -> Result<organization::Model, ApiError> {
    organization::Entity::find_by_id(ROW)
        .one(conn)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("the organisation settings were not seeded")))
}

pub fn view(m: &organization::Model) -> OrganizationView {
    OrganizationView {
        organization: Organization {
            government_name: m.government_name.clone(),
            agency_name: m.agency_name.clone(),
            address: m.address.clone(),
            phone: m.phone.clone(),
            email: m.email.clone(),
            website: m.website.clone(),
            city: m.city.clone(),
            head_title: m.head_title.clone(),
            letter_number_pattern: m.letter_number_pattern.clone(),
            certificate_number_pattern: m.certificate_number_pattern.clone(),
        },
        has_logo: m.logo.is_some(),
        updated_at: m.updated_at,
    }
}

/// Replaces the settings (admin), audited with the fields that changed.
pub async fn update(db: &DatabaseConnection, who: &Actor, input: Organization) -> Result<OrganizationView, ApiError> {
    let txn = db.begin().await?;
    let before = view(&current(&txn).await?).organization;
    let trim = |s: &str| s.trim().to_string();
    let mut active: organization::ActiveModel = current(&txn).await?.into();
    active.government_name = Set(trim(&input.government_name));
    active.agency_name = Set(trim(&input.agency_name));
    active.address = Set(trim(&input.address));
    active.phone = Set(trim(&input.phone));
    active.email = Set(ttis_shared::validation::normalize_email(&input.email));
    active.website = Set(trim(&input.website));
    active.city = Set(trim(&input.city));
    active.head_title = Set(trim(&input.head_title));
    active.letter_number_pattern = Set(trim(&input.letter_number_pattern));
    active.certificate_number_pattern = Set(trim(&input.certificate_number_pattern));
    active.updated_by = Set(who.user_id);
    active.updated_at = Set(now());
    let saved = active.update(&txn).await?;
    let after = view(&saved).organization;
    let old = serde_json::to_value(&before).unwrap_or_default();
    let new = serde_json::to_value(&after).unwrap_or_default();
    let changed: Vec<String> = match (old.as_object(), new.as_object()) {
        (Some(o), Some(n)) => n.iter().filter(|(k, v)| o.get(*k) != Some(*v)).map(|(k, _)| k.clone()).collect(),
        _ => Vec::new(),
    };
    audit::record(&txn, who, "organization.update", Some("organization".into()), json!({"changed": changed})).await?;
    txn.commit().await?;
    Ok(view(&saved))
}

/// The image types a logo may have, told by content.
pub fn logo_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// Sets (`Some`) or removes (`None`) the uploaded logo.
pub async fn set_logo(
    db: &DatabaseConnection,
    who: &Actor,
    logo: Option<Vec<u8>>,
) -> Result<OrganizationView, ApiError> {
    let content_type = match &logo {
        Some(bytes) if bytes.len() > LOGO_MAX_BYTES => return Err(ApiError::PayloadTooLarge),
        Some(bytes) => Some(logo_type(bytes).ok_or_else(|| ApiError::UnsupportedFileType("logo".into()))?.to_string()),
        None => None,
    };
    let txn = db.begin().await?;
    let mut active: organization::ActiveModel = current(&txn).await?.into();
    let size = logo.as_ref().map(Vec::len);
    active.logo = Set(logo);
    active.logo_content_type = Set(content_type.clone());
    active.updated_by = Set(who.user_id);
    active.updated_at = Set(now());
    let saved = active.update(&txn).await?;
    let action = if size.is_some() { "organization.logo.update" } else { "organization.logo.delete" };
    audit::record(&txn, who, action, Some("organization".into()), json!({"type": content_type, "size": size})).await?;
    txn.commit().await?;
    Ok(view(&saved))
}

/// The letterhead, as every template reads it (the signer comes from the approving head's profile).
pub fn letterhead(m: &organization::Model) -> Inputs {
    let (logo, format) = match (&m.logo, m.logo_content_type.as_deref()) {
        (Some(bytes), Some("image/png")) => (bytes.clone(), "png"),
        (Some(bytes), Some("image/jpeg")) => (bytes.clone(), "jpg"),
        _ => (DEFAULT_EMBLEM.to_vec(), "svg"),
    };
    let contact: Vec<&str> =
        [m.phone.as_str(), m.email.as_str(), m.website.trim_start_matches("https://").trim_start_matches("http://")]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
    let phone_prefixed =
        if m.phone.is_empty() { contact.join(" · ") } else { format!("Telp. {}", contact.join(" · ")) };
    Inputs::default()
        .text("government", m.government_name.clone())
        .text("agency", m.agency_name.clone())
        .text("address", m.address.clone())
        .text("contact", phone_prefixed)
        .bytes("logo", logo)
        .text("logo_format", format)
        .text("city", m.city.clone())
}

/// Expands a number pattern: `{seq}`, `{YYYY}`, `{MM}` (two digits), `{ROMAN_MM}`.
pub fn format_number(pattern: &str, seq: i64, year: i32, month: u32) -> String {
    const ROMAN: [&str; 12] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
    let roman = ROMAN.get(month.saturating_sub(1) as usize).copied().unwrap_or("I");
    pattern
        .replace("{seq}", &seq.to_string())
        .replace("{YYYY}", &year.to_string())
        .replace("{MM}", &format!("{month:02}"))
        .replace("{ROMAN_MM}", roman)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_pattern() {
        assert_eq!(
            format_number("B-{seq}/DISKOMINFO/000.6/{MM}/{YYYY}", 247, 2025, 7),
            "B-247/DISKOMINFO/000.6/07/2025"
        );
        assert_eq!(format_number("{seq}/SERT-TTIS/{ROMAN_MM}/{YYYY}", 3, 2026, 11), "3/SERT-TTIS/XI/2026");
    }

    #[test]
    fn logos_are_told_by_content() {
        assert_eq!(logo_type(b"\x89PNG\r\n\x1a\nrest"), Some("image/png"));
        assert_eq!(logo_type(&[0xff, 0xd8, 0xff, 0xe0]), Some("image/jpeg"));
        assert_eq!(logo_type(b"<svg onload=alert(1)>"), None);
        assert_eq!(logo_type(b"GIF89a"), None);
    }
}
