//! Field rules shared by the SPA (inline, as the user types) and the API (through `validator`'s
//! `custom` hook, see [`server`]). Each rule returns a [`Violation`] whose message exists in both
//! languages, so the words next to a field and in a `422` problem body are the same.

use crate::Lang;

pub const EMAIL_MAX: usize = 254;
pub const NAME_MAX: usize = 120;
/// ASVS 5.0 6.2.1 asks for at least 8 characters; 12 is NIST's and BSSN's practical floor for staff.
pub const PASSWORD_MIN: usize = 12;
/// ASVS 5.0 6.2.9: at least 64 characters must be accepted.
pub const PASSWORD_MAX: usize = 128;

/// A broken rule, with what the message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    Required,
    TooShort { min: usize },
    TooLong { max: usize },
    InvalidEmail,
    NoRoles,
}

impl Violation {
    /// The stable machine code, as found in `errors[].code` of a problem body.
    pub fn code(&self) -> &'static str {
        match self {
            Violation::Required => "required",
            Violation::TooShort { .. } => "too_short",
            Violation::TooLong { .. } => "too_long",
            Violation::InvalidEmail => "invalid_email",
            Violation::NoRoles => "no_roles",
        }
    }

    /// The words a person reads.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Violation::Required, Lang::Id) => "Wajib diisi.".into(),
            (Violation::Required, Lang::En) => "This field is required.".into(),
            (Violation::TooShort { min }, Lang::Id) => format!("Minimal {min} karakter."),
            (Violation::TooShort { min }, Lang::En) => format!("Use at least {min} characters."),
            (Violation::TooLong { max }, Lang::Id) => format!("Maksimal {max} karakter."),
            (Violation::TooLong { max }, Lang::En) => format!("Use at most {max} characters."),
            (Violation::InvalidEmail, Lang::Id) => "Alamat email tidak valid.".into(),
            (Violation::InvalidEmail, Lang::En) => "This is not a valid email address.".into(),
            (Violation::NoRoles, Lang::Id) => "Pilih setidaknya satu peran.".into(),
            (Violation::NoRoles, Lang::En) => "Choose at least one role.".into(),
        }
    }
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// A person's or an account's display name: not blank, at most [`NAME_MAX`] characters.
pub fn name(value: &str) -> Result<(), Violation> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Violation::Required);
    }
    if char_len(trimmed) > NAME_MAX {
        return Err(Violation::TooLong { max: NAME_MAX });
    }
    Ok(())
}

/// An email address as people type them: one `@`, a local part, a dotted domain, no spaces.
/// Deliverability is the mail server's business; this catches typos.
pub fn email(value: &str) -> Result<(), Violation> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Violation::Required);
    }
    if char_len(v) > EMAIL_MAX {
        return Err(Violation::TooLong { max: EMAIL_MAX });
    }
    let Some((local, domain)) = v.split_once('@') else {
        return Err(Violation::InvalidEmail);
    };
    let domain_ok = !domain.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    let local_ok = !local.is_empty()
        && char_len(local) <= 64
        && !local.chars().any(|c| c.is_whitespace() || c == '@');
    if domain_ok && local_ok {
        Ok(())
    } else {
        Err(Violation::InvalidEmail)
    }
}

/// A new password (ASVS 5.0 6.2: length rules only, no composition rules, no truncation).
pub fn password(value: &str) -> Result<(), Violation> {
    let n = char_len(value);
    if n == 0 {
        return Err(Violation::Required);
    }
    if n < PASSWORD_MIN {
        return Err(Violation::TooShort { min: PASSWORD_MIN });
    }
    if n > PASSWORD_MAX {
        return Err(Violation::TooLong { max: PASSWORD_MAX });
    }
    Ok(())
}

/// A staff account holds at least one role.
pub fn roles(value: &[crate::Role]) -> Result<(), Violation> {
    if value.is_empty() {
        Err(Violation::NoRoles)
    } else {
        Ok(())
    }
}

/// Normalises an email for storage and lookup.
pub fn normalize_email(value: &str) -> String {
    value.trim().to_lowercase()
}

/// Adapters from the rules above to `validator`'s `custom` hook, used by the DTOs' derives.
#[cfg(feature = "server")]
pub mod server {
    use std::borrow::Cow;

    use validator::ValidationError;

    use super::Violation;

    fn adapt(result: Result<(), Violation>) -> Result<(), ValidationError> {
        result.map_err(|v| {
            let mut err = ValidationError::new(v.code());
            match v {
                Violation::TooShort { min } => err.add_param(Cow::Borrowed("min"), &min),
                Violation::TooLong { max } => err.add_param(Cow::Borrowed("max"), &max),
                _ => {}
            }
            err
        })
    }

    /// The inverse of `adapt`, for rendering a message in the caller's language.
    pub fn violation_of(err: &ValidationError) -> Violation {
        let num = |key: &str| {
            err.params
                .get(key)
                .and_then(|v| v.as_u64())
                .map(|n| n as usize)
                .unwrap_or(0)
        };
        match err.code.as_ref() {
            "too_short" => Violation::TooShort { min: num("min") },
            "too_long" => Violation::TooLong { max: num("max") },
            "invalid_email" => Violation::InvalidEmail,
            "no_roles" => Violation::NoRoles,
            _ => Violation::Required,
        }
    }

    pub fn name(v: &str) -> Result<(), ValidationError> {
        adapt(super::name(v))
    }
    pub fn email(v: &str) -> Result<(), ValidationError> {
        adapt(super::email(v))
    }
    pub fn password(v: &str) -> Result<(), ValidationError> {
        adapt(super::password(v))
    }
    pub fn roles(v: &[crate::Role]) -> Result<(), ValidationError> {
        adapt(super::roles(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_rule_accepts_addresses_and_catches_typos() {
        for ok in [
            "a@b.id",
            "tim.ttis@kukarkab.go.id",
            "  x+y@mail.example.org ",
        ] {
            assert_eq!(email(ok), Ok(()), "{ok}");
        }
        assert_eq!(email(""), Err(Violation::Required));
        assert_eq!(email("   "), Err(Violation::Required));
        for bad in [
            "nobody", "a@b", "a@.b.id", "a b@c.id", "@c.id", "a@b..id", "a@b.id.", "a@@b.id",
        ] {
            assert_eq!(email(bad), Err(Violation::InvalidEmail), "{bad}");
        }
        let long = format!("{}@b.id", "a".repeat(300));
        assert_eq!(email(&long), Err(Violation::TooLong { max: EMAIL_MAX }));
    }

    #[test]
    fn password_rule_is_about_length_only() {
        assert_eq!(password(""), Err(Violation::Required));
        assert_eq!(
            password("short"),
            Err(Violation::TooShort { min: PASSWORD_MIN })
        );
        assert_eq!(password("twelve chars"), Ok(()));
        assert_eq!(password("alllowercaseletters"), Ok(()));
        assert_eq!(password(&"x".repeat(64)), Ok(()));
        assert_eq!(
            password(&"x".repeat(129)),
            Err(Violation::TooLong { max: PASSWORD_MAX })
        );
        // Characters, not bytes: twelve Indonesian-keyboard-unfriendly characters still count twelve.
        assert_eq!(password(&"é".repeat(12)), Ok(()));
    }

    #[test]
    fn name_and_roles_rules() {
        assert_eq!(name("  "), Err(Violation::Required));
        assert_eq!(name("Siti Rahma"), Ok(()));
        assert_eq!(
            name(&"n".repeat(121)),
            Err(Violation::TooLong { max: NAME_MAX })
        );
        assert_eq!(roles(&[]), Err(Violation::NoRoles));
        assert_eq!(roles(&[crate::Role::Head]), Ok(()));
    }

    #[test]
    fn messages_exist_in_both_languages() {
        for v in [
            Violation::Required,
            Violation::TooShort { min: 3 },
            Violation::TooLong { max: 9 },
            Violation::InvalidEmail,
            Violation::NoRoles,
        ] {
            let id = v.message(Lang::Id);
            let en = v.message(Lang::En);
            assert!(!id.is_empty() && !en.is_empty() && id != en, "{v:?}");
        }
        assert_eq!(
            Violation::TooShort { min: 12 }.message(Lang::Id),
            "Minimal 12 karakter."
        );
    }

    #[cfg(feature = "server")]
    #[test]
    fn validator_adapter_round_trips_the_violation() {
        let err = server::password("abc").err();
        let back = err.as_ref().map(server::violation_of);
        assert_eq!(back, Some(Violation::TooShort { min: PASSWORD_MIN }));
    }
}
