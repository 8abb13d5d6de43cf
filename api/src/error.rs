//! One error type for the API, mapped by an explicit table to HTTP statuses and RFC 9457
//! `application/problem+json` bodies with a stable `code`. Messages are Indonesian unless the
//! caller's `Accept-Language` prefers English; the language and the request id are filled in by
//! [`crate::middleware::request_context`], which re-renders every `ApiError` response.
//! A 500 shows only the request id; its cause chain goes to the log.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use ttis_shared::Lang;
use ttis_shared::dto::problem::{FieldError, Problem};
use ttis_shared::validation::Violation;

pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// A field that broke a rule; rendered in the caller's language.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldIssue {
    pub field: String,
    pub violation: Violation,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("request body failed validation")]
    Validation(Vec<FieldIssue>),
    #[error("request body is not well-formed JSON: {0}")]
    MalformedBody(String),
    #[error("request body does not match the schema: {0}")]
    InvalidBody(String),
    #[error("invalid path or query parameter: {0}")]
    InvalidParameter(String),
    #[error("unsupported content type")]
    UnsupportedMediaType,
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("authentication required")]
    Unauthenticated,
    #[error("invalid credentials")]
    InvalidCredentials,
    #[error("refresh token invalid or expired")]
    InvalidRefreshToken,
    #[error("a code from the authenticator app is needed")]
    TotpRequired,
    #[error("the authenticator code is wrong or was used already")]
    TotpInvalid,
    #[error("a second factor must be enrolled first")]
    TotpEnrollmentRequired,
    #[error("no authenticator enrolment was started, or one is already active")]
    TotpState,
    /// Signing needs the person: the current password (and code), missing or `wrong`.
    #[error("re-authentication needed (wrong: {wrong})")]
    Reauthentication { wrong: bool },
    /// The approving head's signer profile lacks these fields.
    #[error("signer profile incomplete: {0:?}")]
    SignerProfileIncomplete(Vec<String>),
    #[error("the virus scanner found malware: {0}")]
    Malware(String),
    #[error("the virus scanner is unavailable")]
    ScannerUnavailable,
    /// A PDF that carries active content (the PDF name found: `JavaScript`, `Launch`...).
    #[error("PDF with active content ({feature}): {file}")]
    PdfActiveContent { file: String, feature: &'static str },
    /// A file that starts like a PDF but cannot be parsed (damaged, or locked with a password).
    #[error("PDF cannot be read: {0}")]
    PdfUnreadable(String),
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("the request body stopped arriving")]
    BodyTimeout,
    #[error("email already in use")]
    EmailTaken,
    #[error("the last active administrator cannot lose the role or be disabled")]
    LastAdmin,
    #[error("proof of work missing, expired, reused or wrong")]
    PowFailed,
    #[error("evidence file too large: {0}")]
    FileTooLarge(String),
    #[error("evidence too large in total")]
    ReportTooLarge,
    #[error("evidence file type not allowed: {0}")]
    UnsupportedFileType(String),
    #[error("idempotency key reused with a different request")]
    IdempotencyKeyReused,
    #[error("this action is not possible in the ticket's state")]
    InvalidTransition { allowed: Vec<String> },
    #[error("this action needs another role")]
    ActionForbidden { allowed: Vec<String> },
    #[error("the ticket's state does not allow this")]
    WrongState,
    /// Threat intelligence is shared only of verified tickets.
    #[error("the ticket is not verified")]
    NotVerified,
    /// A TLP:RED ticket leaves only by a head's explicit export.
    #[error("TLP:RED is not exported without a head's explicit choice")]
    TlpRed,
    #[error("too many requests; retry after {retry_after_secs}s")]
    RateLimited { retry_after_secs: u64 },
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(err: sea_orm::DbErr) -> Self {
        ApiError::Internal(anyhow::Error::new(err).context("database error"))
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(err: anyhow::Error) -> Self {
        ApiError::Internal(err)
    }
}

impl From<validator::ValidationErrors> for ApiError {
    fn from(errors: validator::ValidationErrors) -> Self {
        let mut issues = Vec::new();
        flatten_validation("", &errors, &mut issues);
        issues.sort_by(|a, b| a.field.cmp(&b.field));
        ApiError::Validation(issues)
    }
}

fn flatten_validation(prefix: &str, errors: &validator::ValidationErrors, out: &mut Vec<FieldIssue>) {
    use validator::ValidationErrorsKind;
    for (field, kind) in errors.errors() {
        let path = if prefix.is_empty() { field.to_string() } else { format!("{prefix}.{field}") };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for err in list {
                    // Struct-level rules are filed under `__all__` and name their field.
                    let field = match ttis_shared::validation::server::field_of(err) {
                        Some(named) if field == "__all__" && prefix.is_empty() => named,
                        Some(named) if field == "__all__" => format!("{prefix}.{named}"),
                        _ => path.clone(),
                    };
                    out.push(FieldIssue { field, violation: ttis_shared::validation::server::violation_of(err) });
                }
            }
            ValidationErrorsKind::Struct(inner) => flatten_validation(&path, inner, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    flatten_validation(&format!("{path}[{index}]"), inner, out);
                }
            }
        }
    }
}

impl ApiError {
    /// The status table.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Validation(_) | ApiError::InvalidBody(_) | ApiError::IdempotencyKeyReused => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::PowFailed => StatusCode::BAD_REQUEST,
            ApiError::FileTooLarge(_) | ApiError::ReportTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedFileType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::MalformedBody(_) | ApiError::InvalidParameter(_) => StatusCode::BAD_REQUEST,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unauthenticated
            | ApiError::InvalidCredentials
            | ApiError::InvalidRefreshToken
            | ApiError::TotpRequired
            | ApiError::TotpInvalid
            | ApiError::Reauthentication { .. } => StatusCode::UNAUTHORIZED,
            ApiError::SignerProfileIncomplete(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::TotpEnrollmentRequired => StatusCode::FORBIDDEN,
            ApiError::TotpState => StatusCode::CONFLICT,
            ApiError::Malware(_) | ApiError::PdfActiveContent { .. } | ApiError::PdfUnreadable(_) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::ScannerUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::BodyTimeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::EmailTaken | ApiError::LastAdmin | ApiError::InvalidTransition { .. } | ApiError::WrongState => {
                StatusCode::CONFLICT
            }
            ApiError::NotVerified | ApiError::TlpRed => StatusCode::CONFLICT,
            ApiError::ActionForbidden { .. } => StatusCode::FORBIDDEN,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Validation(_) => "validation_failed",
            ApiError::MalformedBody(_) => "malformed_body",
            ApiError::InvalidBody(_) => "invalid_body",
            ApiError::InvalidParameter(_) => "invalid_parameter",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::PayloadTooLarge => "payload_too_large",
            ApiError::Unauthenticated => "unauthenticated",
            ApiError::InvalidCredentials => "invalid_credentials",
            ApiError::InvalidRefreshToken => "invalid_refresh_token",
            ApiError::TotpRequired => "totp_required",
            ApiError::TotpInvalid => "totp_invalid",
            ApiError::TotpEnrollmentRequired => "totp_enrollment_required",
            ApiError::TotpState => "totp_state",
            ApiError::Reauthentication { .. } => "reauthentication_required",
            ApiError::SignerProfileIncomplete(_) => "signer_profile_incomplete",
            ApiError::Malware(_) => "malware_found",
            ApiError::PdfActiveContent { .. } => "pdf_active_content",
            ApiError::PdfUnreadable(_) => "pdf_unreadable",
            ApiError::ScannerUnavailable => "scanner_unavailable",
            ApiError::Forbidden => "forbidden",
            ApiError::NotFound => "not_found",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::BodyTimeout => "body_timeout",
            ApiError::EmailTaken => "email_taken",
            ApiError::LastAdmin => "last_admin",
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::InvalidTransition { .. } => "invalid_transition",
            ApiError::ActionForbidden { .. } => "action_forbidden",
            ApiError::WrongState => "wrong_state",
            ApiError::NotVerified => "not_verified",
            ApiError::TlpRed => "tlp_red",
            ApiError::PowFailed => "pow_failed",
            ApiError::FileTooLarge(_) => "file_too_large",
            ApiError::ReportTooLarge => "report_too_large",
            ApiError::UnsupportedFileType(_) => "unsupported_file_type",
            ApiError::IdempotencyKeyReused => "idempotency_key_reused",
            ApiError::Internal(_) => "internal_error",
        }
    }

    fn title(&self, lang: Lang) -> &'static str {
        match self {
            ApiError::Validation(_) => lang.pick("Data tidak valid", "Invalid data"),
            ApiError::MalformedBody(_) => lang.pick("Format permintaan salah", "Malformed request"),
            ApiError::InvalidBody(_) => lang.pick("Isi permintaan tidak sesuai", "Request body does not match"),
            ApiError::InvalidParameter(_) => lang.pick("Parameter tidak valid", "Invalid parameter"),
            ApiError::UnsupportedMediaType => lang.pick("Jenis konten tidak didukung", "Unsupported media type"),
            ApiError::PayloadTooLarge => lang.pick("Permintaan terlalu besar", "Payload too large"),
            ApiError::Unauthenticated => lang.pick("Perlu masuk", "Authentication required"),
            ApiError::InvalidCredentials => lang.pick("Gagal masuk", "Sign-in failed"),
            ApiError::InvalidRefreshToken => lang.pick("Sesi berakhir", "Session ended"),
            ApiError::TotpRequired => lang.pick("Kode autentikator diperlukan", "Authenticator code needed"),
            ApiError::TotpInvalid => lang.pick("Kode autentikator salah", "Wrong authenticator code"),
            ApiError::TotpEnrollmentRequired => {
                lang.pick("Aktifkan verifikasi dua langkah", "Set up two-step verification")
            }
            ApiError::TotpState => lang.pick("Status autentikator tidak sesuai", "Authenticator state conflict"),
            ApiError::Reauthentication { .. } => lang.pick("Konfirmasi identitas Anda", "Confirm it is you"),
            ApiError::SignerProfileIncomplete(_) => {
                lang.pick("Profil penanda tangan belum lengkap", "Signer profile incomplete")
            }
            ApiError::Malware(_) => lang.pick("Berkas berbahaya", "Malicious file"),
            ApiError::PdfActiveContent { .. } => lang.pick("PDF berisi konten aktif", "PDF with active content"),
            ApiError::PdfUnreadable(_) => lang.pick("PDF tidak dapat dibaca", "PDF cannot be read"),
            ApiError::ScannerUnavailable => lang.pick("Pemindai virus tidak tersedia", "Virus scanner unavailable"),
            ApiError::Forbidden => lang.pick("Akses ditolak", "Forbidden"),
            ApiError::NotFound => lang.pick("Tidak ditemukan", "Not found"),
            ApiError::MethodNotAllowed => lang.pick("Metode tidak diizinkan", "Method not allowed"),
            ApiError::BodyTimeout => lang.pick("Unggahan terhenti", "Upload stalled"),
            ApiError::EmailTaken => lang.pick("Email sudah dipakai", "Email already in use"),
            ApiError::LastAdmin => lang.pick("Administrator terakhir", "Last administrator"),
            ApiError::RateLimited { .. } => lang.pick("Terlalu banyak permintaan", "Too many requests"),
            ApiError::InvalidTransition { .. } => lang.pick("Tindakan tidak dapat dilakukan", "Action not possible"),
            ApiError::ActionForbidden { .. } => lang.pick("Tindakan bukan wewenang Anda", "Not your action"),
            ApiError::WrongState => lang.pick("Status tiket tidak sesuai", "Wrong ticket state"),
            ApiError::NotVerified => lang.pick("Tiket belum diverifikasi", "Ticket not verified"),
            ApiError::TlpRed => lang.pick("Berlabel TLP:RED", "Marked TLP:RED"),
            ApiError::PowFailed => lang.pick("Verifikasi anti-spam gagal", "Anti-spam check failed"),
            ApiError::FileTooLarge(_) => lang.pick("Berkas terlalu besar", "File too large"),
            ApiError::ReportTooLarge => lang.pick("Bukti terlalu besar", "Evidence too large"),
            ApiError::UnsupportedFileType(_) => lang.pick("Jenis berkas tidak diizinkan", "File type not allowed"),
            ApiError::IdempotencyKeyReused => lang.pick("Idempotency-Key sudah dipakai", "Idempotency-Key reused"),
            ApiError::Internal(_) => lang.pick("Kesalahan server", "Server error"),
        }
    }

    fn detail(&self, lang: Lang) -> String {
        match self {
            ApiError::Validation(_) => lang
                .pick(
                    "Periksa kembali isian yang ditandai.",
                    "Check the fields marked below.",
                )
                .into(),
            ApiError::MalformedBody(why) => format!(
                "{} ({why})",
                lang.pick(
                    "Isi permintaan bukan JSON yang benar.",
                    "The request body is not well-formed JSON."
                )
            ),
            ApiError::InvalidBody(why) => format!(
                "{} ({why})",
                lang.pick(
                    "Isi permintaan tidak sesuai dengan skema API.",
                    "The request body does not match the API schema."
                )
            ),
            ApiError::InvalidParameter(why) => format!(
                "{} ({why})",
                lang.pick(
                    "Parameter pada alamat tidak valid.",
                    "A path or query parameter is invalid."
                )
            ),
            ApiError::UnsupportedMediaType => lang
                .pick(
                    "Kirim isi permintaan sebagai application/json.",
                    "Send the request body as application/json.",
                )
                .into(),
            ApiError::PayloadTooLarge => lang
                .pick(
                    "Isi permintaan melebihi batas ukuran.",
                    "The request body exceeds the size limit.",
                )
                .into(),
            ApiError::Unauthenticated => lang
                .pick(
                    "Masuk terlebih dahulu; token akses tidak ada, tidak sah, atau kedaluwarsa.",
                    "Sign in first: the access token is missing, invalid or expired.",
                )
                .into(),
            ApiError::InvalidCredentials => lang
                .pick("Email atau kata sandi salah.", "Wrong email or password.")
                .into(),
            ApiError::InvalidRefreshToken => lang
                .pick(
                    "Sesi Anda telah berakhir; silakan masuk kembali.",
                    "Your session has ended; sign in again.",
                )
                .into(),
            ApiError::TotpRequired => lang
                .pick(
                    "Masukkan kode 6 angka dari aplikasi autentikator Anda.",
                    "Enter the 6-digit code from your authenticator app.",
                )
                .into(),
            ApiError::TotpInvalid => lang
                .pick(
                    "Kode autentikator salah, kedaluwarsa, atau sudah dipakai.",
                    "The authenticator code is wrong, expired, or was used already.",
                )
                .into(),
            ApiError::TotpEnrollmentRequired => lang
                .pick(
                    "Kebijakan keamanan mewajibkan verifikasi dua langkah untuk peran Anda; aktifkan di halaman Akun.",
                    "The security policy requires two-step verification for your role; set it up on the Account page.",
                )
                .into(),
            ApiError::TotpState => lang
                .pick(
                    "Mulai pendaftaran autentikator terlebih dahulu, atau nonaktifkan yang sudah aktif.",
                    "Start the authenticator enrolment first, or turn off the active one.",
                )
                .into(),
            ApiError::Reauthentication { wrong: false } => lang
                .pick(
                    "Langkah ini perlu memastikan bahwa ini benar Anda (menyetujui berarti menandatangani atas nama Anda): masukkan kata sandi Anda, dan kode autentikator bila verifikasi dua langkah aktif.",
                    "This step needs to know it is really you (approving signs in your name): enter your password, and your authenticator code if two-step verification is on.",
                )
                .into(),
            ApiError::Reauthentication { wrong: true } => lang
                .pick(
                    "Kata sandi atau kode autentikator salah; tidak ada yang ditandatangani atau diubah.",
                    "The password or authenticator code is wrong; nothing was signed or changed.",
                )
                .into(),
            ApiError::SignerProfileIncomplete(missing) => match lang {
                Lang::Id => format!(
                    "Lengkapi profil penanda tangan Anda sebelum menyetujui; yang belum diisi: {}.",
                    missing.join(", ")
                ),
                Lang::En => {
                    format!("Complete your signer profile before approving; still empty: {}.", missing.join(", "))
                }
            },
            ApiError::Malware(name) => match lang {
                Lang::Id => format!("Pemindai virus menolak berkas {name}."),
                Lang::En => format!("The virus scanner refused the file {name}."),
            },
            ApiError::PdfActiveContent { file, feature } => match lang {
                Lang::Id => format!(
                    "Berkas \"{file}\" berisi /{feature} (kode yang dapat dijalankan, aksi, formulir, atau berkas di dalamnya) dan tidak diterima sebagai bukti. Cetak ulang dokumen ke PDF biasa (\"Print to PDF\") lalu unggah lagi."
                ),
                Lang::En => format!(
                    "The file \"{file}\" carries /{feature} (code that can run, an action, a form or files inside it) and is not accepted as evidence. Print the document to a plain PDF (\"Print to PDF\") and upload it again."
                ),
            },
            ApiError::PdfUnreadable(file) => match lang {
                Lang::Id => format!(
                    "Berkas \"{file}\" tidak dapat dibaca sebagai PDF (rusak atau dilindungi kata sandi). Unggah PDF tanpa kata sandi, atau tangkapan layarnya."
                ),
                Lang::En => format!(
                    "The file \"{file}\" cannot be read as a PDF (damaged or password-protected). Upload a PDF without a password, or a screenshot of it."
                ),
            },
            ApiError::ScannerUnavailable => lang
                .pick(
                    "Pemindai virus sedang tidak dapat dihubungi; laporan belum disimpan, silakan coba lagi.",
                    "The virus scanner cannot be reached; nothing was saved, please try again.",
                )
                .into(),
            ApiError::Forbidden => lang
                .pick(
                    "Peran Anda tidak mengizinkan tindakan ini.",
                    "Your role does not allow this action.",
                )
                .into(),
            ApiError::NotFound => lang
                .pick(
                    "Data yang diminta tidak ditemukan.",
                    "The requested resource does not exist.",
                )
                .into(),
            ApiError::BodyTimeout => lang
                .pick(
                    "Data unggahan berhenti terkirim terlalu lama; coba kirim ulang.",
                    "The upload stopped arriving for too long; please send it again.",
                )
                .into(),
            ApiError::MethodNotAllowed => lang
                .pick(
                    "Alamat ini tidak menerima metode HTTP tersebut; lihat header Allow.",
                    "This address does not take that HTTP method; see the Allow header.",
                )
                .into(),
            ApiError::EmailTaken => lang
                .pick(
                    "Sudah ada akun dengan email tersebut.",
                    "An account with this email already exists.",
                )
                .into(),
            ApiError::LastAdmin => lang
                .pick(
                    "Harus tetap ada setidaknya satu administrator aktif.",
                    "At least one active administrator must remain.",
                )
                .into(),
            ApiError::InvalidTransition { .. } => lang
                .pick(
                    "Tindakan ini tidak dapat dilakukan pada status tiket saat ini; lihat allowed_actions.",
                    "This action is not possible in the ticket's current state; see allowed_actions.",
                )
                .into(),
            ApiError::ActionForbidden { .. } => lang
                .pick(
                    "Tindakan ini dilakukan oleh peran lain; lihat allowed_actions untuk tindakan Anda.",
                    "Another role takes this action; allowed_actions lists yours.",
                )
                .into(),
            ApiError::WrongState => lang
                .pick(
                    "Status tiket saat ini tidak memungkinkan permintaan ini.",
                    "The ticket's current state does not allow this request.",
                )
                .into(),
            ApiError::NotVerified => lang
                .pick(
                    "Hanya laporan yang sudah diverifikasi sesuai yang dapat dibagikan sebagai intelijen ancaman.",
                    "Only reports verified as valid can be shared as threat intelligence.",
                )
                .into(),
            ApiError::TlpRed => lang
                .pick(
                    "Tiket berlabel TLP:RED tidak diekspor, kecuali oleh Kepala Dinas dengan include_red=true.",
                    "A TLP:RED ticket is not exported, unless a head asks with include_red=true.",
                )
                .into(),
            ApiError::PowFailed => lang
                .pick(
                    "Tantangan anti-spam tidak ada, kedaluwarsa, sudah dipakai, atau jawabannya salah. Muat ulang tantangan lalu kirim lagi.",
                    "The anti-spam challenge is missing, expired, already used, or wrongly answered. Fetch a new challenge and send again.",
                )
                .into(),
            ApiError::FileTooLarge(name) => match lang {
                Lang::Id => format!("Berkas \"{name}\" melebihi batas ukuran per berkas."),
                Lang::En => format!("The file \"{name}\" exceeds the per-file size limit."),
            },
            ApiError::ReportTooLarge => lang
                .pick(
                    "Jumlah ukuran semua berkas bukti melebihi batas per laporan.",
                    "The evidence files together exceed the per-report size limit.",
                )
                .into(),
            ApiError::UnsupportedFileType(name) => match lang {
                Lang::Id => format!(
                    "Berkas \"{name}\" bukan jenis yang diizinkan (gambar PNG/JPEG/GIF/WebP, PDF, video MP4/WebM, teks/log). Jenis ditentukan dari isi berkas, bukan dari namanya."
                ),
                Lang::En => format!(
                    "The file \"{name}\" is not an allowed type (PNG/JPEG/GIF/WebP images, PDF, MP4/WebM video, text/logs). The type is decided by the file's content, not its name."
                ),
            },
            ApiError::IdempotencyKeyReused => lang
                .pick(
                    "Idempotency-Key ini sudah dipakai untuk permintaan lain.",
                    "This Idempotency-Key was already used for a different request.",
                )
                .into(),
            ApiError::RateLimited { retry_after_secs } => match lang {
                Lang::Id => {
                    format!("Terlalu banyak percobaan. Coba lagi dalam {retry_after_secs} detik.")
                }
                Lang::En => format!("Too many attempts. Try again in {retry_after_secs} seconds."),
            },
            ApiError::Internal(_) => lang
                .pick(
                    "Terjadi kesalahan pada server. Sebutkan request_id saat menghubungi petugas.",
                    "The server failed. Quote the request_id when contacting the operators.",
                )
                .into(),
        }
    }

    /// The problem body in a language, with the request id when known.
    /// The problem body; `base` is the deployment's public URL (`TTIS_PUBLIC_URL`), so each
    /// `type` is an address the deployment owns (`{base}/problems/{code}`).
    pub fn to_problem(&self, lang: Lang, request_id: Option<&str>, base: &str) -> Problem {
        let errors = match self {
            ApiError::Validation(issues) => issues
                .iter()
                .map(|i| FieldError {
                    field: i.field.clone(),
                    code: i.violation.code().to_string(),
                    message: i.violation.message(lang),
                })
                .collect(),
            ApiError::SignerProfileIncomplete(missing) => missing
                .iter()
                .map(|f| FieldError {
                    field: format!("signer_profile.{f}"),
                    code: Violation::Required.code().to_string(),
                    message: Violation::Required.message(lang),
                })
                .collect(),
            _ => Vec::new(),
        };
        Problem {
            type_: format!("{}/problems/{}", base.trim_end_matches('/'), self.code()),
            title: self.title(lang).to_string(),
            status: self.status().as_u16(),
            detail: self.detail(lang),
            code: self.code().to_string(),
            request_id: request_id.map(str::to_string),
            errors,
            allowed_actions: match self {
                ApiError::InvalidTransition { allowed } | ApiError::ActionForbidden { allowed } => {
                    Some(allowed.clone())
                }
                _ => None,
            },
        }
    }

    /// The full HTTP response for a language and request id.
    pub fn render(&self, lang: Lang, request_id: Option<&str>, base: &str) -> HttpResponse {
        let problem = self.to_problem(lang, request_id, base);
        let mut builder = HttpResponse::build(self.status());
        builder.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_CONTENT_TYPE)));
        builder.insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")));
        if let ApiError::RateLimited { retry_after_secs } = self {
            builder.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
        }
        if matches!(
            self,
            ApiError::Unauthenticated
                | ApiError::InvalidCredentials
                | ApiError::InvalidRefreshToken
                | ApiError::TotpRequired
                | ApiError::TotpInvalid
                | ApiError::Reauthentication { .. }
        ) {
            builder.insert_header((header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer")));
        }
        builder.json(problem)
    }

    /// The cause chain, for the log (never for the client).
    pub fn log_chain(&self) -> String {
        match self {
            ApiError::Internal(err) => format!("{err:#}"),
            other => other.to_string(),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status()
    }

    fn error_response(&self) -> HttpResponse {
        // Replaced by the request middleware, which knows the language and the public URL.
        self.render(Lang::Id, None, "")
    }
}

/// A problem for a status that no `ApiError` produced (e.g. a framework-level refusal).
pub fn generic_for_status(status: StatusCode) -> ApiError {
    match status {
        StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED => ApiError::NotFound,
        StatusCode::UNAUTHORIZED => ApiError::Unauthenticated,
        StatusCode::FORBIDDEN => ApiError::Forbidden,
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType,
        s if s.is_client_error() => ApiError::MalformedBody(s.canonical_reason().unwrap_or("bad request").to_string()),
        _ => ApiError::Internal(anyhow::anyhow!("unexpected status {status}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_a_distinct_code_and_both_languages() {
        let all = [
            ApiError::Validation(vec![]),
            ApiError::MalformedBody("x".into()),
            ApiError::InvalidBody("x".into()),
            ApiError::InvalidParameter("x".into()),
            ApiError::UnsupportedMediaType,
            ApiError::PayloadTooLarge,
            ApiError::Unauthenticated,
            ApiError::InvalidCredentials,
            ApiError::InvalidRefreshToken,
            ApiError::TotpRequired,
            ApiError::TotpInvalid,
            ApiError::TotpEnrollmentRequired,
            ApiError::TotpState,
            ApiError::Reauthentication { wrong: false },
            ApiError::SignerProfileIncomplete(vec!["nip".into()]),
            ApiError::Malware("a.exe".into()),
            ApiError::PdfActiveContent { file: "a.pdf".into(), feature: "JavaScript" },
            ApiError::PdfUnreadable("a.pdf".into()),
            ApiError::ScannerUnavailable,
            ApiError::Forbidden,
            ApiError::NotFound,
            ApiError::EmailTaken,
            ApiError::LastAdmin,
            ApiError::RateLimited { retry_after_secs: 3 },
            ApiError::PowFailed,
            ApiError::FileTooLarge("a.png".into()),
            ApiError::ReportTooLarge,
            ApiError::UnsupportedFileType("a.exe".into()),
            ApiError::IdempotencyKeyReused,
            ApiError::InvalidTransition { allowed: vec![] },
            ApiError::ActionForbidden { allowed: vec![] },
            ApiError::WrongState,
            ApiError::NotVerified,
            ApiError::TlpRed,
            ApiError::Internal(anyhow::anyhow!("boom")),
        ];
        let mut codes: Vec<&str> = all.iter().map(|e| e.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        for e in &all {
            let id = e.to_problem(Lang::Id, None, "https://csirt.example.go.id");
            let en = e.to_problem(Lang::En, Some("r1"), "https://csirt.example.go.id");
            assert_ne!(id.detail, en.detail, "{}", e.code());
            assert_eq!(en.request_id.as_deref(), Some("r1"));
            assert!(id.type_.ends_with(e.code()));
        }
    }

    #[test]
    fn internal_errors_never_show_their_cause() {
        let e = ApiError::Internal(anyhow::anyhow!("password=hunter2 in connection string"));
        let p = e.to_problem(Lang::En, Some("abc"), "https://csirt.example.go.id/");
        let body = serde_json::to_string(&p).unwrap_or_default();
        assert!(!body.contains("hunter2"));
        assert!(e.log_chain().contains("hunter2"));
    }
}
