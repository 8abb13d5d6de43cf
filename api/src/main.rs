//! `ttis-api`: serve the platform, migrate the database, create accounts, print the OpenAPI spec.

use std::io::Read;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use ttis_api::config::Settings;
use ttis_api::services::audit::Actor;
use ttis_api::services::users::Bootstrap;
use ttis_api::startup::{Application, openapi_json};
use ttis_api::{db, telemetry};
use ttis_shared::Role;
use ttis_shared::dto::users::CreateUserRequest;

#[derive(Parser)]
#[command(name = "ttis-api", about = "TTIS Lapor: cyber-incident reporting platform (API server)")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database and serve the API, Swagger UI and the SPA (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create a staff account; the password is read from standard input.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Comma-separated: analyst, head, admin.
        #[arg(long, default_value = "analyst")]
        roles: String,
    },
    /// Print the OpenAPI document (JSON) to standard output.
    Openapi,
    /// Render a template with sample data to a PDF, to look at an overridden template
    /// (`<data dir>/templates/*.typ`) before it is used.
    PreviewTemplate {
        /// `letter`, `certificate` or `analysis`.
        kind: String,
        /// Where to write the PDF.
        out: std::path::PathBuf,
        /// Render the letter or certificate as an unsigned draft.
        #[arg(long)]
        draft: bool,
    },
    /// Write a consistent snapshot of the embedded default (SQLite database, evidence and
    /// documents, generated secrets) into a new folder, while the server runs.
    Backup {
        /// A folder that does not exist yet.
        dir: std::path::PathBuf,
    },
    /// Restore a snapshot made by `backup` into the data dir (stop the server first).
    Restore { dir: std::path::PathBuf },
    /// Copy the local evidence folder (evidence and documents) into an S3-compatible bucket,
    /// checking every SHA-256 on the way; then set TTIS_STORE_URL to the bucket. The bucket's
    /// endpoint, region and keys come from the AWS_* variables.
    MigrateStore {
        /// The bucket: s3://bucket/prefix.
        #[arg(long)]
        to: String,
    },
    /// Remove stored objects (evidence, documents) that no row names and that are older than the
    /// cut-off: what a server killed mid-upload leaves behind.
    SweepStore {
        /// Only objects written at least this long ago (default: a day).
        #[arg(long, default_value_t = 86_400)]
        older_than_secs: i64,
        /// Count, remove nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Recompute the audit log's hash chain; exit 1 and name the first broken entry if it does not hold.
    AuditVerify,
    /// Exit 0 when the local server answers `GET /api/v1/ready` (for container health checks).
    Healthcheck,
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command.unwrap_or(Command::Serve)).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::PreviewTemplate { kind, out, draft } => {
            use ttis_api::documents::{Documents, sample};
            use ttis_shared::dto::documents::DocumentKind;
            let settings = Settings::load()?;
            let documents = Documents::load(&settings.data_dir)?;
            let (kind, inputs) = match kind.as_str() {
                "letter" => (DocumentKind::NotificationLetter, sample::letter(!draft)),
                "certificate" => (DocumentKind::Certificate, sample::letter(!draft)),
                "analysis" => (DocumentKind::AnalysisReport, sample::analysis()),
                other => anyhow::bail!("unknown template {other:?}: use letter, certificate or analysis"),
            };
            let pdf = documents.template(kind).render(inputs)?;
            std::fs::write(&out, pdf)?;
            println!("wrote {}", out.display());
            Ok(())
        }
        Command::Backup { dir } => {
            let settings = Settings::load()?;
            let files = ttis_api::backup::backup(&settings, &dir).await?;
            println!("backup written to {} ({files} stored files)", dir.display());
            Ok(())
        }
        Command::Restore { dir } => {
            let settings = Settings::load()?;
            let files = ttis_api::backup::restore(&settings, &dir)?;
            println!("restored {} into {} ({files} stored files)", dir.display(), settings.data_dir.display());
            Ok(())
        }
        Command::MigrateStore { to } => {
            let settings = Settings::load()?;
            let r = ttis_api::store_migration::migrate_store(&settings, &to).await?;
            println!(
                "copied {} objects ({} bytes) to {to}; {} were there already; {} matched the database's SHA-256, {} are not named by it",
                r.copied, r.bytes, r.already_there, r.matched_records, r.unrecorded
            );
            if !r.missing.is_empty() {
                println!(
                    "the database names {} objects the folder does not hold: {}",
                    r.missing.len(),
                    r.missing.join(", ")
                );
            }
            println!("every copy read back with its SHA-256; now set TTIS_STORE_URL={to} and restart the servers");
            Ok(())
        }
        Command::SweepStore { older_than_secs, dry_run } => {
            let settings = Settings::load()?;
            let r = ttis_api::store_sweep::sweep_store(
                &settings,
                chrono::Duration::seconds(older_than_secs.max(0)),
                dry_run,
            )
            .await?;
            println!(
                "{} objects: {} named by a row, {} {} without one, {} without one left (younger than {older_than_secs} s)",
                r.objects,
                r.named,
                r.removed,
                if dry_run { "would be removed" } else { "removed" },
                r.young
            );
            Ok(())
        }
        Command::AuditVerify => {
            let settings = Settings::load()?;
            let db = ttis_api::db::connect(&settings).await?;
            let v = ttis_api::services::audit::verify(&db).await?;
            match v.first_broken_id {
                None => {
                    println!("audit chain intact: {} entries checked", v.checked);
                    Ok(())
                }
                Some(id) => {
                    anyhow::bail!("audit chain broken at entry {id} ({} entries before it check out)", v.checked)
                }
            }
        }
        Command::Openapi => {
            print!("{}", openapi_json()?);
            Ok(())
        }
        Command::Healthcheck => {
            let settings = Settings::load()?;
            healthcheck(&settings.bind)
        }
        Command::Migrate => {
            let settings = Settings::load()?;
            telemetry::init(settings.log_format);
            let conn = db::connect(&settings).await?;
            db::migrate(&conn).await?;
            println!("migrations applied");
            Ok(())
        }
        Command::CreateUser { email, name, roles } => {
            let settings = Settings::load()?;
            telemetry::init(settings.log_format);
            let conn = db::connect(&settings).await?;
            db::migrate(&conn).await?;
            let mut password = String::new();
            std::io::stdin().read_to_string(&mut password)?;
            let request = CreateUserRequest {
                email,
                name,
                roles: Role::split(&roles),
                password: password.trim_end_matches(['\n', '\r']).to_string(),
            };
            validator::Validate::validate(&request).map_err(|e| anyhow::anyhow!("invalid account: {e}"))?;
            let created = ttis_api::services::users::create(&conn, &Actor::system(), request)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("created user {} ({})", created.email, Role::join(&created.roles));
            Ok(())
        }
        Command::Serve => {
            let settings = Settings::load()?;
            telemetry::init(settings.log_format);
            let public_url = settings.public_url.clone();
            let app = Application::build(settings).await?;
            println!();
            println!("  TTIS Lapor berjalan di / is running at {public_url}/");
            println!("  Swagger UI: {public_url}/swagger-ui/   OpenAPI: {public_url}/api/openapi.json");
            match &app.bootstrap {
                Bootstrap::Generated { email, password } => {
                    println!("  Akun admin pertama / first admin account (shown once, change it after signing in):");
                    println!("    email:    {email}");
                    println!("    password: {password}");
                }
                Bootstrap::Created { email } => {
                    println!("  Akun admin pertama dibuat / first admin created: {email}")
                }
                Bootstrap::Existing => {
                    println!("  Masuk petugas / staff sign-in: {public_url}/staff/login")
                }
            }
            println!();
            app.run_until_stopped().await?;
            Ok(())
        }
    }
}

/// A minimal HTTP/1.0 probe of the readiness route, so the runtime image needs no curl.
fn healthcheck(bind: &str) -> anyhow::Result<()> {
    use std::io::Write;
    use std::time::Duration;
    let port = bind.rsplit(':').next().unwrap_or("8080");
    let mut stream = std::net::TcpStream::connect(format!("127.0.0.1:{port}"))?;
    stream.set_read_timeout(Some(Duration::from_secs(3)))?;
    stream.write_all(b"GET /api/v1/ready HTTP/1.0\r\nHost: localhost\r\n\r\n")?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer)?;
    if answer.starts_with("HTTP/1.0 200") || answer.starts_with("HTTP/1.1 200") {
        Ok(())
    } else {
        anyhow::bail!("not ready: {}", answer.lines().next().unwrap_or("no answer"))
    }
}
