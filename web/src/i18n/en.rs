//! English.

use super::Key;

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::DocumentTitle => "TTIS Lapor · Cyber Incident Reporting, Kutai Kartanegara Regency",
        Key::SkipToContent => "Skip to main content",
        Key::PlatformName => "TTIS Lapor",
        Key::BrandMark => "TTIS",
        Key::TeamName => "Cyber Incident Response Team · Diskominfo Kukar",
        Key::AgencyLine => {
            "Kutai Kartanegara Regency Government · Communication and Informatics Agency"
        }
        Key::AgencyFull => {
            "Dinas Komunikasi dan Informatika Kabupaten Kutai Kartanegara (Communication and Informatics Agency of Kutai Kartanegara Regency)"
        }
        Key::FooterTeam => {
            "The Cyber Incident Response Team (TTIS) receives reports of cyber incidents and vulnerabilities in the electronic systems of the Kutai Kartanegara Regency Government."
        }
        Key::FooterSop => {
            "This service carries out the Cyber Incident Reporting SOP No. B-247/DISKOMINFO/000.6/07/2025."
        }
        Key::NavLabel => "Main navigation",
        Key::NavHome => "Home",
        Key::NavReport => "Report an incident",
        Key::NavTrack => "Track a report",
        Key::NavHallOfFame => "Hall of Fame",
        Key::NavVerify => "Verify a document",
        Key::NavStaffLogin => "Staff sign-in",
        Key::NavDashboard => "Staff dashboard",
        Key::LangSwitchLabel => "Bahasa Indonesia",
        Key::LangSwitchCode => "ID",
        Key::LangSwitchAria => "Switch language to Bahasa Indonesia",
        Key::ReportCta => "Report a cyber incident",
        Key::BackHome => "Back to home",
        Key::BackDashboard => "Back to the dashboard",
        Key::ComingSoonBadge => "Coming soon",
        Key::ComingSoonText => {
            "This feature is being prepared and will be available in a later stage. For urgent matters, contact Diskominfo Kutai Kartanegara through its official channels."
        }
        Key::Loading => "Loading…",
        Key::ErrorNetwork => "Cannot reach the server. Check your connection and try again.",
        Key::ErrorUnexpected => {
            "The server gave an unexpected answer. Please try again in a moment."
        }
        Key::HomeEyebrow => "Cyber Incident Response Team · Diskominfo Kutai Kartanegara",
        Key::HomeTitle => {
            "Report cyber incidents affecting Kutai Kartanegara Regency Government systems"
        }
        Key::HomeLead => {
            "TTIS Lapor is the official channel of the Cyber Incident Response Team (TTIS) of the Communication and Informatics Agency of Kutai Kartanegara Regency to receive, verify and follow up reports of cyber incidents and vulnerabilities."
        }
        Key::HomeNoAccount => {
            "No account needed. After submitting, you receive a ticket code and an access key to follow your report."
        }
        Key::HomeWhatTitle => "What can be reported?",
        Key::HomeWhatLead => {
            "Any security event or weakness in the websites, applications and electronic services of the regency's agencies, for example:"
        }
        Key::HomeWhatDefacement => "Website defacement or a webshell",
        Key::HomeWhatGambling => "Injected online-gambling content or SEO spam",
        Key::HomeWhatPhishing => "Phishing or impersonation of a government agency",
        Key::HomeWhatMalware => "Malware, ransomware or command-and-control activity",
        Key::HomeWhatDataLeak => "Data leaks, including personal data",
        Key::HomeWhatAvailability => "Service outages (DoS/DDoS) or misconfiguration",
        Key::HomeWhatVulnerability => "Security vulnerabilities you found in good faith",
        Key::HomeAboutTitle => "About TTIS",
        Key::HomeAboutText => {
            "The Cyber Incident Response Team (TTIS) is a team of the Communication and Informatics Agency of Kutai Kartanegara Regency that handles cyber incidents at the local government's electronic system operators (PSE)."
        }
        Key::HomeGoodFaith => {
            "Report in good faith: do not access, change or share data beyond what is needed to show the finding. Valid reports receive a Certificate of Appreciation."
        }
        Key::HomeStepsTitle => "How a report is handled",
        Key::HomeStep1Title => "1. Submit a report",
        Key::HomeStep1Text => {
            "Fill in the form and attach evidence. You get a ticket code at once."
        }
        Key::HomeStep2Title => "2. Verification and analysis",
        Key::HomeStep2Text => {
            "The TTIS team verifies and analyses the report within 1 working day."
        }
        Key::HomeStep3Title => "3. Notice to the system operator",
        Key::HomeStep3Text => {
            "A notification letter is approved and signed by the Head of Agency, then sent to the system's operator."
        }
        Key::HomeStep4Title => "4. Appreciation",
        Key::HomeStep4Text => {
            "The reporter receives a Certificate of Appreciation and may be listed in the Hall of Fame."
        }
        Key::HomeServicesTitle => "Other services",
        Key::HomeTrackText => {
            "Follow the status of your report with its ticket code and access key."
        }
        Key::HomeHallText => "Recognition for reporters who helped secure the regency's systems.",
        Key::HomeVerifyText => {
            "Check that a notification letter or certificate issued by TTIS is genuine."
        }
        Key::ReportTitle => "Report a Cyber Incident",
        Key::ReportLead => {
            "On this page you will fill in the cyber incident or vulnerability report form with its evidence, then receive a ticket code and an access key."
        }
        Key::TrackTitle => "Track a Report",
        Key::TrackLead => {
            "On this page you will follow your report's status, answer the team's questions and download the letter and certificate with your ticket code and access key."
        }
        Key::HallTitle => "Hall of Fame",
        Key::HallLead => {
            "This page will list the reporters of valid reports, as they chose to be shown, filterable by year."
        }
        Key::VerifyTitle => "Document Verification",
        Key::VerifyLead => {
            "This page will check whether a notification letter or certificate of appreciation is genuine, electronically signed and unaltered."
        }
        Key::VerifyDocumentId => "Document reference",
        Key::NotFoundCode => "Error 404",
        Key::NotFoundTitle => "Page not found",
        Key::NotFoundText => "The address you opened does not exist or has moved.",
        Key::LoginTitle => "Staff Sign-in",
        Key::LoginLead => "For the TTIS team, the Head of Agency and platform administrators only.",
        Key::FieldEmail => "Email",
        Key::FieldPassword => "Password",
        Key::FieldInitialPassword => "Initial password",
        Key::FieldName => "Name",
        Key::FieldRoles => "Roles",
        Key::LoginSubmit => "Sign in",
        Key::LoginSubmitting => "Signing in…",
        Key::LoginNote => {
            "Reporters do not need an account: use Report an incident or Track a report."
        }
        Key::SessionChecking => "Checking your session…",
        Key::StaffArea => "Staff area",
        Key::DashboardTitle => "Ticket Management Dashboard",
        Key::SignedInAs => "Signed in as",
        Key::Logout => "Sign out",
        Key::AdminToolsLabel => "Administrator tools",
        Key::AdminToolsTitle => "Administration",
        Key::QueueTitle => "Ticket Queue",
        Key::QueueEmptyTitle => "No tickets to show yet",
        Key::QueueEmptyText => {
            "Incoming reports will appear here with their status and the SLA deadline of each SOP step."
        }
        Key::QueueStatesTitle => "Ticket states in the SOP procedure",
        Key::UsersTitle => "Manage Users",
        Key::UsersLead => {
            "Staff accounts and their roles. Disabling an account ends all its sessions at once."
        }
        Key::UsersForbidden => "This page is for Administrators only.",
        Key::UsersListTitle => "Accounts",
        Key::UsersEmpty => "No accounts yet.",
        Key::UsersStatus => "Status",
        Key::UsersCreatedAt => "Created",
        Key::UsersActions => "Actions",
        Key::UsersActive => "Active",
        Key::UsersDisabled => "Disabled",
        Key::UsersDisable => "Disable",
        Key::UsersEnable => "Enable",
        Key::UsersCreateTitle => "Add an account",
        Key::UsersCreateSubmit => "Create account",
        Key::UsersCreatedNotice => "Account created",
        Key::PasswordHint => {
            "At least 12 characters. Give it to the account's owner through a secure channel."
        }
    }
}
