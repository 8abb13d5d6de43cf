//! Field rules shared by the SPA (inline, as the user types) and the API (through `validator`'s
//! `custom` hook, see [`server`]). Each rule returns a [`Violation`] whose message exists in both
//! languages, so the words next to a field and in a `422` problem body are the same.

use crate::Lang;

pub const EMAIL_MAX: usize = 254;
pub const NAME_MAX: usize = 120;
/// One line of a letterhead, a title or an address.
pub const LINE_MAX: usize = 200;
/// ASVS 5.0 6.2.1 asks for at least 8 characters; 12 is NIST's and BSSN's practical floor for staff.
pub const PASSWORD_MIN: usize = 12;
/// ASVS 5.0 6.2.9: at least 64 characters must be accepted.
pub const PASSWORD_MAX: usize = 128;

/// A broken rule, with what the message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    Required,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    InvalidEmail,
    NoRoles,
    /// A declaration that must be accepted.
    MustAccept,
    InvalidPhone,
    /// A time after now.
    InFuture,
    /// A time before the incident was found (a notification of a breach not yet known).
    BeforeIncident,
    /// Not a value of the observable's kind (a URL, a domain, an IPv4 or IPv6 address, a SHA-256).
    InvalidObservable,
    /// A list that already holds as many entries as it may.
    TooManyItems {
        max: usize,
    },
    InvalidCvss,
    /// `hall_of_fame` is `alias` but no alias was given.
    AliasRequired,
    /// A code that is not one of the offered options (e.g. a retired category).
    NotAnOption,
    /// A password found in the list of common passwords, or a trivial variation of one.
    CommonPassword,
    /// Not six digits.
    InvalidTotpCode,
    /// The account's current password does not match (re-authentication for a sensitive change).
    WrongPassword,
    /// Six digits, but not the app's current code (or one used already).
    WrongTotpCode,
    /// A civil servant's number (*NIP*) is 18 digits.
    InvalidNip,
    /// A value the deployment sets (the SLA calendar's UTC offset follows `TTIS_TIME_ZONE`).
    SetByServer,
    /// A line break or another control character in a one-line field (a name, a title), or a
    /// control character other than a line break or tab in a text.
    ControlCharacter,
    /// A period longer than the longest one answered.
    PeriodTooLong {
        max_years: u32,
    },
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
            Violation::MustAccept => "must_accept",
            Violation::InvalidPhone => "invalid_phone",
            Violation::InFuture => "in_future",
            Violation::BeforeIncident => "before_incident",
            Violation::InvalidObservable => "invalid_observable",
            Violation::TooManyItems { .. } => "too_many_items",
            Violation::InvalidCvss => "invalid_cvss",
            Violation::AliasRequired => "alias_required",
            Violation::NotAnOption => "not_an_option",
            Violation::CommonPassword => "common_password",
            Violation::InvalidTotpCode => "invalid_totp_code",
            Violation::WrongPassword => "wrong_password",
            Violation::WrongTotpCode => "wrong_totp_code",
            Violation::InvalidNip => "invalid_nip",
            Violation::SetByServer => "set_by_server",
            Violation::PeriodTooLong { .. } => "period_too_long",
            Violation::ControlCharacter => "control_character",
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
            (Violation::MustAccept, Lang::Id) => "Pernyataan ini wajib disetujui.".into(),
            (Violation::MustAccept, Lang::En) => "You must accept this declaration.".into(),
            (Violation::InvalidPhone, Lang::Id) => "Nomor telepon tidak valid (contoh: +62 812 3456 7890).".into(),
            (Violation::InvalidPhone, Lang::En) => "This is not a valid phone number (e.g. +62 812 3456 7890).".into(),
            (Violation::InFuture, Lang::Id) => "Waktu tidak boleh di masa depan.".into(),
            (Violation::InFuture, Lang::En) => "The time cannot be in the future.".into(),
            (Violation::BeforeIncident, Lang::Id) => "Waktu tidak boleh sebelum insiden ditemukan.".into(),
            (Violation::BeforeIncident, Lang::En) => "The time cannot be before the incident was found.".into(),
            (Violation::InvalidObservable, Lang::Id) => {
                "Bukan nilai yang sesuai jenisnya (URL, domain, alamat IPv4/IPv6, atau SHA-256).".into()
            }
            (Violation::TooManyItems { max }, Lang::Id) => format!("Paling banyak {max} entri."),
            (Violation::TooManyItems { max }, Lang::En) => format!("At most {max} entries."),
            (Violation::InvalidObservable, Lang::En) => {
                "Not a value of its kind (a URL, a domain, an IPv4/IPv6 address or a SHA-256).".into()
            }
            (Violation::InvalidCvss, Lang::Id) => {
                "Vektor CVSS 3.1 tidak valid (contoh: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H).".into()
            }
            (Violation::InvalidCvss, Lang::En) => {
                "This is not a valid CVSS 3.1 vector (e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H).".into()
            }
            (Violation::AliasRequired, Lang::Id) => "Isi alias yang ingin ditampilkan.".into(),
            (Violation::AliasRequired, Lang::En) => "Enter the alias to show.".into(),
            (Violation::NotAnOption, Lang::Id) => "Pilihan ini tidak tersedia.".into(),
            (Violation::NotAnOption, Lang::En) => "This is not one of the options.".into(),
            (Violation::CommonPassword, Lang::Id) => {
                "Kata sandi ini terlalu umum atau mudah ditebak; pilih frasa lain.".into()
            }
            (Violation::CommonPassword, Lang::En) => {
                "This password is too common or easy to guess; choose another phrase.".into()
            }
            (Violation::InvalidTotpCode, Lang::Id) => "Masukkan 6 angka dari aplikasi autentikator.".into(),
            (Violation::InvalidTotpCode, Lang::En) => "Enter the 6 digits from the authenticator app.".into(),
            (Violation::WrongPassword, Lang::Id) => "Kata sandi saat ini salah.".into(),
            (Violation::WrongPassword, Lang::En) => "The current password is wrong.".into(),
            (Violation::WrongTotpCode, Lang::Id) => "Kode salah, kedaluwarsa, atau sudah dipakai.".into(),
            (Violation::WrongTotpCode, Lang::En) => "The code is wrong, expired, or was used already.".into(),
            (Violation::InvalidNip, Lang::Id) => "NIP terdiri dari 18 angka.".into(),
            (Violation::InvalidNip, Lang::En) => "A NIP (civil-servant number) has 18 digits.".into(),
            (Violation::SetByServer, Lang::Id) => {
                "Nilai ini diatur oleh server (zona waktu TTIS_TIME_ZONE) dan tidak dapat diubah di sini.".into()
            }
            (Violation::ControlCharacter, Lang::Id) => {
                "Isian satu baris tidak boleh berisi baris baru atau karakter kontrol.".into()
            }
            (Violation::ControlCharacter, Lang::En) => {
                "Use one line, without line breaks or control characters.".into()
            }
            (Violation::PeriodTooLong { max_years }, Lang::Id) => {
                format!("Rentang waktu paling lama {max_years} tahun, dan tanggal akhir tidak sebelum tanggal awal.")
            }
            (Violation::PeriodTooLong { max_years }, Lang::En) => {
                format!("The period is at most {max_years} years long, and does not end before it starts.")
            }
            (Violation::SetByServer, Lang::En) => {
                "The server sets this value (the TTIS_TIME_ZONE time zone); it cannot be changed here.".into()
            }
        }
    }
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Characters a one-line value must not hold: control characters (CR, LF, tab, NUL, ...) and the
/// Unicode line and paragraph separators, which would forge lines in an email or a header.
fn breaks_a_line(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// A one-line value: no line breaks or control characters.
fn one_line(value: &str) -> Result<(), Violation> {
    if value.chars().any(breaks_a_line) { Err(Violation::ControlCharacter) } else { Ok(()) }
}

/// A text of several lines: line breaks and tabs, but no other control characters.
fn text(value: &str) -> Result<(), Violation> {
    let stray = value.chars().any(|c| !matches!(c, '\n' | '\r' | '\t') && (c.is_control()));
    if stray { Err(Violation::ControlCharacter) } else { Ok(()) }
}

/// A person's or an account's display name: not blank, at most [`NAME_MAX`] characters.
pub fn name(value: &str) -> Result<(), Violation> {
    one_line(value)?;
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
        && domain.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    let local_ok = !local.is_empty() && char_len(local) <= 64 && !local.chars().any(|c| c.is_whitespace() || c == '@');
    if domain_ok && local_ok { Ok(()) } else { Err(Violation::InvalidEmail) }
}

/// A code from an authenticator app: six digits (spaces allowed, as apps group them).
pub fn totp_code(value: &str) -> Result<(), Violation> {
    let digits: Vec<char> = value.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() {
        return Err(Violation::Required);
    }
    if digits.len() == 6 && digits.iter().all(char::is_ascii_digit) { Ok(()) } else { Err(Violation::InvalidTotpCode) }
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
    if value.is_empty() { Err(Violation::NoRoles) } else { Ok(()) }
}

pub const TITLE_MIN: usize = 5;
pub const TITLE_MAX: usize = 200;
pub const ASSET_MAX: usize = 500;
pub const DESCRIPTION_MIN: usize = 20;
pub const LONG_TEXT_MAX: usize = 20_000;
pub const ORGANIZATION_MAX: usize = 200;

fn text_between(value: &str, min: usize, max: usize) -> Result<(), Violation> {
    let n = char_len(value.trim());
    if n == 0 {
        return Err(Violation::Required);
    }
    if n < min {
        return Err(Violation::TooShort { min });
    }
    if n > max {
        return Err(Violation::TooLong { max });
    }
    Ok(())
}

/// Anything that must not be blank.
pub fn required(value: &str) -> Result<(), Violation> {
    if value.trim().is_empty() { Err(Violation::Required) } else { Ok(()) }
}

/// A report's title: 5 to 200 characters.
pub fn title(value: &str) -> Result<(), Violation> {
    one_line(value)?;
    text_between(value, TITLE_MIN, TITLE_MAX)
}

/// The affected system: a URL, host name, IP address or application name.
pub fn affected_asset(value: &str) -> Result<(), Violation> {
    one_line(value)?;
    text_between(value, 1, ASSET_MAX)
}

/// What happened: at least 20 characters, so the team has something to verify.
pub fn description(value: &str) -> Result<(), Violation> {
    text(value)?;
    text_between(value, DESCRIPTION_MIN, LONG_TEXT_MAX)
}

/// An optional long text (steps to reproduce, impact).
pub fn long_text(value: &str) -> Result<(), Violation> {
    text(value)?;
    if char_len(value) > LONG_TEXT_MAX { Err(Violation::TooLong { max: LONG_TEXT_MAX }) } else { Ok(()) }
}

/// A one-line text that must be there (a name, a title, an address): at most 200 characters.
pub fn line(value: &str) -> Result<(), Violation> {
    one_line(value)?;
    text_between(value, 1, LINE_MAX)
}

/// A one-line text that may be empty.
pub fn optional_line(value: &str) -> Result<(), Violation> {
    one_line(value)?;
    if char_len(value.trim()) > LINE_MAX { Err(Violation::TooLong { max: LINE_MAX }) } else { Ok(()) }
}

/// A civil servant's number (*NIP*): 18 digits, spaces allowed between groups; empty while a
/// profile is being filled in.
pub fn nip(value: &str) -> Result<(), Violation> {
    let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() || (digits.len() == 18 && digits.chars().all(|c| c.is_ascii_digit())) {
        Ok(())
    } else {
        Err(Violation::InvalidNip)
    }
}

/// An `http://` or `https://` address with a host, at most 2000 characters (a webhook).
pub fn web_url(value: &str) -> Result<(), Violation> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Violation::Required);
    }
    if char_len(v) > 2000 {
        return Err(Violation::TooLong { max: 2000 });
    }
    let rest = v.strip_prefix("https://").or_else(|| v.strip_prefix("http://")).ok_or(Violation::NotAnOption)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || host.contains('@') || v.chars().any(char::is_whitespace) {
        return Err(Violation::NotAnOption);
    }
    Ok(())
}

/// A document-number pattern: `{seq}` once, and otherwise only `{YYYY}`, `{MM}`, `{ROMAN_MM}`.
pub fn number_pattern(value: &str) -> Result<(), Violation> {
    optional_line(value)?;
    let mut rest = value;
    let mut seq = 0;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or(Violation::NotAnOption)?;
        match &after[..close] {
            "seq" => seq += 1,
            "YYYY" | "MM" | "ROMAN_MM" => {}
            _ => return Err(Violation::NotAnOption),
        }
        rest = &after[close + 1..];
    }
    if rest.contains('}') || seq != 1 { Err(Violation::NotAnOption) } else { Ok(()) }
}

pub fn organization(value: &str) -> Result<(), Violation> {
    one_line(value)?;
    if char_len(value.trim()) > ORGANIZATION_MAX { Err(Violation::TooLong { max: ORGANIZATION_MAX }) } else { Ok(()) }
}

/// A phone or WhatsApp number: digits with optional `+`, spaces, dashes, dots and brackets; 8-15 digits.
pub fn phone(value: &str) -> Result<(), Violation> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(());
    }
    let allowed = v.chars().all(|c| c.is_ascii_digit() || " +-.()".contains(c));
    let digits = v.chars().filter(char::is_ascii_digit).count();
    // A `+` only in front (by characters: the text may hold any Unicode).
    let plus_ok = !v.chars().skip(1).any(|c| c == '+');
    if allowed && plus_ok && (8..=15).contains(&digits) { Ok(()) } else { Err(Violation::InvalidPhone) }
}

pub fn must_be_true(value: bool) -> Result<(), Violation> {
    if value { Ok(()) } else { Err(Violation::MustAccept) }
}

/// Not later than `now` (with five minutes for clock differences).
pub fn not_in_future(
    value: &chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), Violation> {
    if *value > now + chrono::Duration::minutes(5) { Err(Violation::InFuture) } else { Ok(()) }
}

pub fn cvss_vector(value: &str) -> Result<(), Violation> {
    if value.trim().is_empty() {
        return Ok(());
    }
    crate::cvss::parse(value).map(|_| ()).map_err(|_| Violation::InvalidCvss)
}

/// The Hall of Fame choice `alias` needs an alias of at most 60 characters.
pub fn alias(choice: crate::dto::reports::HallOfFameChoice, alias: Option<&str>) -> Result<(), Violation> {
    use crate::dto::reports::HallOfFameChoice;
    alias.map(one_line).transpose()?;
    match (choice, alias.map(str::trim)) {
        (HallOfFameChoice::Alias, None) | (HallOfFameChoice::Alias, Some("")) => Err(Violation::AliasRequired),
        (_, Some(a)) if char_len(a) > 60 => Err(Violation::TooLong { max: 60 }),
        _ => Ok(()),
    }
}

/// The certificate carries the alias only when one is given.
pub fn certificate_alias(choice: crate::dto::reports::CertificateName, alias: Option<&str>) -> Result<(), Violation> {
    use crate::dto::reports::CertificateName;
    match (choice, alias.map(str::trim)) {
        (CertificateName::Alias, None) | (CertificateName::Alias, Some("")) => Err(Violation::AliasRequired),
        _ => Ok(()),
    }
}

/// Normalises an email for storage and lookup.
pub fn normalize_email(value: &str) -> String {
    value.trim().to_lowercase()
}

/// Adapters from the rules above to `validator`'s `custom` hook, used by the DTOs' derives.
#[cfg(feature = "server")]
pub mod server;

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "server")]
    #[test]
    fn every_violation_survives_the_validator_adapter() {
        let all = [
            Violation::Required,
            Violation::TooShort { min: 5 },
            Violation::TooLong { max: 200 },
            Violation::InvalidEmail,
            Violation::NoRoles,
            Violation::MustAccept,
            Violation::InvalidPhone,
            Violation::InFuture,
            Violation::BeforeIncident,
            Violation::InvalidObservable,
            Violation::TooManyItems { max: 200 },
            Violation::InvalidCvss,
            Violation::AliasRequired,
            Violation::NotAnOption,
            Violation::CommonPassword,
            Violation::InvalidTotpCode,
            Violation::WrongPassword,
            Violation::WrongTotpCode,
            Violation::InvalidNip,
            Violation::SetByServer,
            Violation::ControlCharacter,
            Violation::PeriodTooLong { max_years: 10 },
        ];
        for v in all {
            let Err(err) = server::adapt(Err(v.clone())) else { panic!("an error") };
            assert_eq!(server::violation_of(&err), v);
        }
    }

    #[test]
    fn one_line_fields_refuse_line_breaks_and_texts_keep_them() {
        for forged in ["Budi\r\nLink: https://evil.example", "Budi\nX", "a\u{0}b", "a\u{2028}b", "a\tb"] {
            assert_eq!(name(forged), Err(Violation::ControlCharacter), "{forged:?}");
            assert_eq!(title(&format!("Judul {forged}")), Err(Violation::ControlCharacter), "{forged:?}");
            assert_eq!(organization(forged), Err(Violation::ControlCharacter), "{forged:?}");
        }
        let text = "Baris satu\r\nbaris dua\n\tdengan tab, cukup panjang.";
        assert_eq!(description(text), Ok(()));
        assert_eq!(long_text(text), Ok(()));
        assert_eq!(long_text("a\u{7}b"), Err(Violation::ControlCharacter));
        assert_eq!(name("Siti Ñúñez"), Ok(()));
    }

    #[test]
    fn phone_rule_never_panics_on_unicode() {
        assert_eq!(phone("\u{104762}<§J´áa"), Err(Violation::InvalidPhone));
        assert_eq!(phone("é+62 812 3456 7890"), Err(Violation::InvalidPhone));
        assert_eq!(phone("+62 812 3456 7890"), Ok(()));
        assert_eq!(phone("0812+3456789"), Err(Violation::InvalidPhone));
    }

    #[test]
    fn number_patterns_need_one_sequence_and_known_placeholders() {
        for ok in ["B-{seq}/DISKOMINFO/000.6/{MM}/{YYYY}", "{seq}/SERT-TTIS/{ROMAN_MM}/{YYYY}", "{seq}"] {
            assert_eq!(number_pattern(ok), Ok(()), "{ok}");
        }
        for bad in ["B-/DISKOMINFO/{YYYY}", "{seq}/{seq}", "{seq}/{DD}", "{seq}/{YYYY", "{seq}}", ""] {
            assert_eq!(number_pattern(bad), Err(Violation::NotAnOption), "{bad}");
        }
        assert_eq!(line(""), Err(Violation::Required));
        assert_eq!(web_url("https://soc.kukarkab.go.id/hooks"), Ok(()));
        assert_eq!(web_url("http://127.0.0.1:9000/x"), Ok(()));
        for bad in ["ftp://x.id/", "https://", "https://user@host/", "javascript:alert(1)", "https://a b/"] {
            assert_eq!(web_url(bad), Err(Violation::NotAnOption), "{bad}");
        }
        assert_eq!(optional_line(""), Ok(()));
        assert_eq!(optional_line(&"x".repeat(201)), Err(Violation::TooLong { max: LINE_MAX }));
    }

    #[test]
    fn email_rule_accepts_addresses_and_catches_typos() {
        for ok in ["a@b.id", "tim.ttis@kukarkab.go.id", "  x+y@mail.example.org "] {
            assert_eq!(email(ok), Ok(()), "{ok}");
        }
        assert_eq!(email(""), Err(Violation::Required));
        assert_eq!(email("   "), Err(Violation::Required));
        for bad in ["nobody", "a@b", "a@.b.id", "a b@c.id", "@c.id", "a@b..id", "a@b.id.", "a@@b.id"] {
            assert_eq!(email(bad), Err(Violation::InvalidEmail), "{bad}");
        }
        let long = format!("{}@b.id", "a".repeat(300));
        assert_eq!(email(&long), Err(Violation::TooLong { max: EMAIL_MAX }));
    }

    #[test]
    fn password_rule_is_about_length_only() {
        assert_eq!(password(""), Err(Violation::Required));
        assert_eq!(password("short"), Err(Violation::TooShort { min: PASSWORD_MIN }));
        assert_eq!(password("twelve chars"), Ok(()));
        assert_eq!(password("alllowercaseletters"), Ok(()));
        assert_eq!(password(&"x".repeat(64)), Ok(()));
        assert_eq!(password(&"x".repeat(129)), Err(Violation::TooLong { max: PASSWORD_MAX }));
        // Characters, not bytes: twelve Indonesian-keyboard-unfriendly characters still count twelve.
        assert_eq!(password(&"é".repeat(12)), Ok(()));
    }

    #[test]
    fn name_and_roles_rules() {
        assert_eq!(name("  "), Err(Violation::Required));
        assert_eq!(name("Siti Rahma"), Ok(()));
        assert_eq!(name(&"n".repeat(121)), Err(Violation::TooLong { max: NAME_MAX }));
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
            Violation::MustAccept,
            Violation::InvalidPhone,
            Violation::InFuture,
            Violation::BeforeIncident,
            Violation::InvalidObservable,
            Violation::InvalidCvss,
            Violation::AliasRequired,
            Violation::NotAnOption,
            Violation::CommonPassword,
            Violation::InvalidTotpCode,
            Violation::WrongPassword,
            Violation::WrongTotpCode,
            Violation::InvalidNip,
        ] {
            let id = v.message(Lang::Id);
            let en = v.message(Lang::En);
            assert!(!id.is_empty() && !en.is_empty() && id != en, "{v:?}");
        }
        assert_eq!(Violation::TooShort { min: 12 }.message(Lang::Id), "Minimal 12 karakter.");
    }

    #[test]
    fn a_nip_is_eighteen_digits() {
        assert_eq!(nip(""), Ok(()));
        assert_eq!(nip("197001011995031001"), Ok(()));
        assert_eq!(nip("19700101 199503 1 001"), Ok(()));
        assert_eq!(nip("1970010119950310"), Err(Violation::InvalidNip));
        assert_eq!(nip("19700101199503100X"), Err(Violation::InvalidNip));
    }

    #[test]
    fn report_rules() {
        assert_eq!(title("Deface"), Ok(()));
        assert_eq!(title("abc"), Err(Violation::TooShort { min: TITLE_MIN }));
        assert_eq!(description("too short"), Err(Violation::TooShort { min: DESCRIPTION_MIN }));
        assert_eq!(phone("+62 812-3456-7890"), Ok(()));
        assert_eq!(phone("(0541) 661234"), Ok(()));
        assert_eq!(phone(""), Ok(()));
        assert_eq!(phone("12345"), Err(Violation::InvalidPhone));
        assert_eq!(phone("+62+812345678"), Err(Violation::InvalidPhone));
        assert_eq!(phone("call me"), Err(Violation::InvalidPhone));
        assert_eq!(must_be_true(false), Err(Violation::MustAccept));
        let now = chrono::Utc::now();
        assert_eq!(not_in_future(&(now - chrono::Duration::days(1)), now), Ok(()));
        assert_eq!(not_in_future(&(now + chrono::Duration::hours(1)), now), Err(Violation::InFuture));
        assert_eq!(cvss_vector("CVSS:3.1/AV:N"), Err(Violation::InvalidCvss));
        use crate::dto::reports::HallOfFameChoice as H;
        assert_eq!(alias(H::Alias, None), Err(Violation::AliasRequired));
        assert_eq!(alias(H::Alias, Some(" ")), Err(Violation::AliasRequired));
        assert_eq!(alias(H::Alias, Some("budisec")), Ok(()));
        assert_eq!(alias(H::Anonymous, None), Ok(()));
    }

    #[cfg(feature = "server")]
    #[test]
    fn validator_adapter_round_trips_the_violation() {
        let err = server::password("abc").err();
        let back = err.as_ref().map(server::violation_of);
        assert_eq!(back, Some(Violation::TooShort { min: PASSWORD_MIN }));
    }
}
