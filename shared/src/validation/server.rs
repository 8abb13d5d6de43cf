//! Adapters from the rules of `validation` to `validator`'s `custom` hook, used by the DTOs' derives.

use std::borrow::Cow;

use validator::ValidationError;

use super::Violation;

pub(super) fn adapt(result: Result<(), Violation>) -> Result<(), ValidationError> {
    result.map_err(|v| {
        let mut err = ValidationError::new(v.code());
        match v {
            Violation::TooShort { min } => err.add_param(Cow::Borrowed("min"), &min),
            Violation::TooLong { max } | Violation::TooManyItems { max } => err.add_param(Cow::Borrowed("max"), &max),
            Violation::PeriodTooLong { max_years } => err.add_param(Cow::Borrowed("max_years"), &max_years),
            _ => {}
        }
        err
    })
}

/// The field a struct-level rule is about (validator files those under `__all__`).
pub fn field_of(err: &ValidationError) -> Option<String> {
    err.params.get("field").and_then(|v| v.as_str()).map(str::to_string)
}

/// The inverse of `adapt`, for rendering a message in the caller's language.
pub fn violation_of(err: &ValidationError) -> Violation {
    let num = |key: &str| err.params.get(key).and_then(|v| v.as_u64()).map(|n| n as usize).unwrap_or(0);
    match err.code.as_ref() {
        "too_short" => Violation::TooShort { min: num("min") },
        "too_long" => Violation::TooLong { max: num("max") },
        "invalid_email" => Violation::InvalidEmail,
        "no_roles" => Violation::NoRoles,
        "must_accept" => Violation::MustAccept,
        "invalid_phone" => Violation::InvalidPhone,
        "in_future" => Violation::InFuture,
        "before_incident" => Violation::BeforeIncident,
        "invalid_observable" => Violation::InvalidObservable,
        "too_many_items" => Violation::TooManyItems { max: num("max") },
        "invalid_cvss" => Violation::InvalidCvss,
        "alias_required" => Violation::AliasRequired,
        "not_an_option" => Violation::NotAnOption,
        "common_password" => Violation::CommonPassword,
        "invalid_totp_code" => Violation::InvalidTotpCode,
        "wrong_password" => Violation::WrongPassword,
        "wrong_totp_code" => Violation::WrongTotpCode,
        "invalid_nip" => Violation::InvalidNip,
        "set_by_server" => Violation::SetByServer,
        "control_character" => Violation::ControlCharacter,
        "period_too_long" => Violation::PeriodTooLong { max_years: num("max_years") as u32 },
        _ => Violation::Required,
    }
}

pub fn name(v: &str) -> Result<(), ValidationError> {
    adapt(super::name(v))
}
pub fn email(v: &str) -> Result<(), ValidationError> {
    adapt(super::email(v))
}
/// The length rule, then the common-password list (server-side only).
pub fn password(v: &str) -> Result<(), ValidationError> {
    adapt(
        super::password(v)
            .and_then(|()| if crate::common_passwords::is_common(v) { Err(Violation::CommonPassword) } else { Ok(()) }),
    )
}

pub fn totp_code(v: &str) -> Result<(), ValidationError> {
    adapt(super::totp_code(v))
}
pub fn roles(v: &[crate::Role]) -> Result<(), ValidationError> {
    adapt(super::roles(v))
}
pub fn required(v: &str) -> Result<(), ValidationError> {
    adapt(super::required(v))
}
pub fn title(v: &str) -> Result<(), ValidationError> {
    adapt(super::title(v))
}
pub fn affected_asset(v: &str) -> Result<(), ValidationError> {
    adapt(super::affected_asset(v))
}
pub fn description(v: &str) -> Result<(), ValidationError> {
    adapt(super::description(v))
}
pub fn long_text(v: &str) -> Result<(), ValidationError> {
    adapt(super::long_text(v))
}
pub fn line(v: &str) -> Result<(), ValidationError> {
    adapt(super::line(v))
}
pub fn optional_line(v: &str) -> Result<(), ValidationError> {
    adapt(super::optional_line(v))
}
pub fn nip(v: &str) -> Result<(), ValidationError> {
    adapt(super::nip(v))
}
pub fn web_url(v: &str) -> Result<(), ValidationError> {
    adapt(super::web_url(v))
}
pub fn number_pattern(v: &str) -> Result<(), ValidationError> {
    adapt(super::number_pattern(v))
}
pub fn organization(v: &str) -> Result<(), ValidationError> {
    adapt(super::organization(v))
}
pub fn phone(v: &str) -> Result<(), ValidationError> {
    adapt(super::phone(v))
}
pub fn must_be_true(v: &bool) -> Result<(), ValidationError> {
    adapt(super::must_be_true(*v))
}
pub fn not_in_future(v: &chrono::DateTime<chrono::Utc>) -> Result<(), ValidationError> {
    adapt(super::not_in_future(v, chrono::Utc::now()))
}
pub fn cvss_vector(v: &str) -> Result<(), ValidationError> {
    adapt(super::cvss_vector(v))
}
/// A permanent machine code: 2-64 lower-case letters, digits and `_`, starting with a letter.
pub fn code(v: &str) -> Result<(), ValidationError> {
    let ok = (2..=64).contains(&v.len())
        && v.starts_with(|c: char| c.is_ascii_lowercase())
        && v.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    adapt(if ok { Ok(()) } else { Err(super::Violation::NotAnOption) })
}
pub fn emails(v: &[String]) -> Result<(), ValidationError> {
    if v.is_empty() {
        return adapt(Err(super::Violation::Required));
    }
    v.iter().try_for_each(|e| adapt(super::email(e)))
}
/// Struct-level rule of the reporter block: the alias.
pub fn reporter(r: &crate::dto::reports::ReporterInput) -> Result<(), ValidationError> {
    let rule = super::alias(r.hall_of_fame, r.alias.as_deref())
        .and_then(|()| super::certificate_alias(r.certificate_name, r.alias.as_deref()));
    adapt(rule).map_err(|mut e| {
        e.add_param(Cow::Borrowed("field"), &"alias");
        e
    })
}
