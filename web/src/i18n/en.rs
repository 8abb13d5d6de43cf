//! English.

use super::Key;

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::DocumentTitle => "TTIS Lapor · Cyber Incident Reporting, Kutai Kartanegara Regency",
        Key::SkipToContent => "Skip to main content",
        Key::PlatformName => "TTIS Lapor",
        Key::BrandMark => "TTIS",
        Key::TeamName => "Cyber Incident Response Team · Diskominfo Kukar",
        Key::AgencyLine => "Kutai Kartanegara Regency Government · Communication and Informatics Agency",
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
        Key::ErrorUnexpected => "The server gave an unexpected answer. Please try again in a moment.",
        Key::HomeEyebrow => "Cyber Incident Response Team · Diskominfo Kutai Kartanegara",
        Key::HomeTitle => "Report cyber incidents affecting Kutai Kartanegara Regency Government systems",
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
        Key::HomeStep1Text => "Fill in the form and attach evidence. You get a ticket code at once.",
        Key::HomeStep2Title => "2. Verification and analysis",
        Key::HomeStep2Text => "The TTIS team verifies and analyses the report within 1 working day.",
        Key::HomeStep3Title => "3. Notice to the system operator",
        Key::HomeStep3Text => {
            "A notification letter is approved and signed by the Head of Agency, then sent to the system's operator."
        }
        Key::HomeStep4Title => "4. Appreciation",
        Key::HomeStep4Text => {
            "The reporter receives a Certificate of Appreciation and may be listed in the Hall of Fame."
        }
        Key::HomeServicesTitle => "Other services",
        Key::HomeTrackText => "Follow the status of your report with its ticket code and access key.",
        Key::HomeHallText => "Recognition for reporters who helped secure the regency's systems.",
        Key::HomeVerifyText => "Check that a notification letter or certificate issued by TTIS is genuine.",
        Key::ReportTitle => "Report a Cyber Incident",
        Key::ReportLead => {
            "Fill in the form below (about 3 minutes), review it, and send it. You get a ticket code and an access key to follow the report at once."
        }
        Key::TrackTitle => "Track a Report",
        Key::TrackLead => {
            "Enter the ticket code and access key from your receipt to see the report's status, its handling steps, and messages from the TTIS team."
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
        Key::LoginNote => "Reporters do not need an account: use Report an incident or Track a report.",
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
        Key::UsersLead => "Staff accounts and their roles. Disabling an account ends all its sessions at once.",
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
        Key::PasswordHint => "At least 12 characters. Give it to the account's owner through a secure channel.",
        Key::Optional => "optional",
        Key::Yes => "Yes",
        Key::No => "No",
        Key::NotProvided => "Not given",
        Key::WizardLabel => "Reporting steps",
        Key::StepFill => "Fill in the form",
        Key::StepReview => "Review",
        Key::StepReceipt => "Receipt",
        Key::SafeHarborTitle => "Good-faith policy (safe harbour)",
        Key::FormHasErrors => "The report cannot be reviewed yet. Correct the fields marked in red.",
        Key::FormRequiredNote => "All fields are required unless marked (optional).",
        Key::SectionReporter => "A. About you",
        Key::SectionReporterHint => {
            "Your personal data is seen only by the TTIS team and is protected under Law No. 27 of 2022 on Personal Data Protection."
        }
        Key::FieldPhone => "Phone / WhatsApp number",
        Key::PhoneHint => "For example: +62 812 3456 7890",
        Key::FieldOrganization => "Agency / organisation",
        Key::EmailHint => "The receipt and updates on the report are sent to this address.",
        Key::FieldReporterType => "You are reporting as",
        Key::ReporterTypePublic => "Member of the public",
        Key::ReporterTypeResearcher => "Security researcher",
        Key::ReporterTypeInternal => "Internal monitoring team",
        Key::ReporterTypeAgency => "Government agency (OPD)",
        Key::FieldHallOfFame => "How to appear on the Hall of Fame",
        Key::HofHint => "If your report is valid, you can be listed on the Hall of Fame as you choose here.",
        Key::HofRealName => "Real name",
        Key::HofAlias => "Alias",
        Key::HofAnonymous => "Anonymous (not shown)",
        Key::FieldAlias => "Alias to show",
        Key::SectionIncident => "B. The incident or vulnerability",
        Key::FieldKind => "Type of report",
        Key::KindIncident => "Incident (has happened or is happening)",
        Key::KindVulnerability => "Vulnerability (security weakness)",
        Key::FieldTitle => "Report title",
        Key::TitleHint => "Short, for example: Agency home page defaced.",
        Key::FieldCategory => "Category",
        Key::CategoryChoose => "Choose a category…",
        Key::CategoryGeneral => "general",
        Key::FieldAsset => "Affected system",
        Key::AssetHint => "URL, host name, IP address, or application name.",
        Key::FieldDiscoveredAt => "When it was found",
        Key::DiscoveredAtHint => "Local time on your device.",
        Key::FieldDescription => "Description",
        Key::DescriptionHint => "What you found, when, and how. At least 20 characters.",
        Key::FieldSteps => "Steps to reproduce / proof of concept (PoC)",
        Key::StepsHint => "Steps the team can follow to confirm your finding.",
        Key::FieldImpact => "Impact",
        Key::ImpactHint => "What happened or could happen as a result.",
        Key::FieldOngoing => "Is it still going on?",
        Key::FieldPersonalData => "Is personal data involved?",
        Key::FieldTlp => "Information-sharing label (TLP)",
        Key::TlpHint => "Traffic Light Protocol: how far the team may share this report. If unsure, keep TLP:AMBER.",
        Key::TlpClear => "TLP:CLEAR: may be shared publicly",
        Key::TlpGreen => "TLP:GREEN: may be shared within the community, not publicly",
        Key::TlpAmber => "TLP:AMBER: limited to the receiving organisations and those who need to know",
        Key::TlpAmberStrict => "TLP:AMBER+STRICT: limited to the receiving organisation only",
        Key::TlpRed => "TLP:RED: for the named recipients only, not to be passed on",
        Key::FieldCvss => "CVSS 3.1 vector",
        Key::CvssHint => {
            "For researchers: e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H. The score is computed for you."
        }
        Key::CvssScore => "Base score",
        Key::SeverityNone => "None",
        Key::SeverityLow => "Low",
        Key::SeverityMedium => "Medium",
        Key::SeverityHigh => "High",
        Key::SeverityCritical => "Critical",
        Key::SectionEvidence => "C. Evidence",
        Key::EvidenceChoose => "Attach evidence files",
        Key::EvidenceHint => {
            "Screenshots, video, PDF or logs (PNG, JPG, GIF, WebP, PDF, MP4, WebM, TXT, LOG). At most {file} per file and {total} in total."
        }
        Key::EvidenceMetadataNote => {
            "Image metadata (EXIF, GPS location) is removed automatically from JPEG, PNG and WebP files before they are stored."
        }
        Key::EvidenceChosen => "Chosen files",
        Key::EvidenceRemove => "Remove",
        Key::EvidenceTotal => "{n} file(s), {size} in total",
        Key::EvidenceTooLarge => "This file is larger than the {max} limit per file.",
        Key::EvidenceTotalTooLarge => "The evidence together is larger than the {max} limit. Remove some files.",
        Key::EvidenceWrongType => "This type of file is not accepted. Use an image, PDF, MP4/WebM video, or text/log.",
        Key::EvidenceNone => "No evidence files.",
        Key::EvidenceFile => "File",
        Key::EvidenceSize => "Size",
        Key::EvidenceType => "Type",
        Key::EvidenceMetadataStripped => "Metadata removed",
        Key::SectionDeclarations => "D. Declarations",
        Key::DeclGoodFaith => {
            "I declare that I found and report this in good faith, without harming the system or spreading its data."
        }
        Key::DeclConsent => {
            "I consent to the processing of the personal data I give here for handling this report, under Law No. 27 of 2022 on Personal Data Protection."
        }
        Key::DeclEmailKey => "Also send the access key to my email",
        Key::DeclEmailKeyHint => {
            "Without this, the access key is shown only once, on screen, after the report is sent."
        }
        Key::HoneypotLabel => "Leave this field empty",
        Key::ReviewButton => "Next: review the report",
        Key::ReviewTitle => "Review your report",
        Key::ReviewLead => "Make sure everything is right. Choose Edit to correct it, or Send report.",
        Key::EditButton => "Edit",
        Key::SendButton => "Send report",
        Key::Sending => "Sending…",
        Key::Verifying => "Verifying…",
        Key::Uploading => "Uploading the report and evidence…",
        Key::UploadTotal => "Overall",
        Key::ReceiptSent => "Your report has been received.",
        Key::ReceiptTitle => "Cyber Incident Report Receipt",
        Key::ReceiptLead => "Use the ticket code and access key to follow the report on the Track Report page.",
        Key::TicketCode => "Ticket code",
        Key::AccessKey => "Access key",
        Key::Copy => "Copy",
        Key::Copied => "Copied",
        Key::CopyFailed => "Could not copy automatically; select the text and copy it by hand.",
        Key::SubmittedAt => "Submitted",
        Key::Status => "Status",
        Key::KeyWarningTitle => "Keep this access key now.",
        Key::KeyWarningText => {
            "The access key is shown only this once and cannot be recovered: not even our team keeps it. Copy it, print the receipt, or store it somewhere safe. Do not share it."
        }
        Key::ReceiptPrintNote => {
            "Keep this receipt. Follow the report on the Track Report page with the ticket code and access key above."
        }
        Key::TrackThisReport => "Track this report",
        Key::PrintReceipt => "Print receipt",
        Key::TrackFormTitle => "Enter the ticket code and access key",
        Key::TicketCodeHint => "For example: TTIS-2026-000123",
        Key::AccessKeyHint => "The key shown on the receipt when the report was sent.",
        Key::TrackSubmit => "Show status",
        Key::StateSince => "In this state since",
        Key::StepsTitle => "Handling steps (SOP)",
        Key::StepWord => "Step",
        Key::StepDone => "Done",
        Key::StepCurrent => "In progress",
        Key::StepPending => "Pending",
        Key::StepRejected => "Report found not valid",
        Key::StepSkipped => "Not carried out",
        Key::SlaPaused => "Waiting for your answer; the team's service clock is paused.",
        Key::TimeStandardMinutes => "Time standard: {n} minutes",
        Key::TimeStandardDay => "Time standard: {n} working day",
        Key::TimeStandardDays => "Time standard: {n} working days",
        Key::NeedsInfoTitle => "The TTIS team needs more information from you.",
        Key::NeedsInfoText => {
            "Read the team's question in the history below. Answering from this page is coming soon; meanwhile, reply to the team's notification email."
        }
        Key::TimelineTitle => "Report history",
        Key::TimelineEmpty => "No history yet.",
        Key::TimelineStateChange => "Status changed to:",
        Key::TimelineMessage => "Message from",
        Key::AuthorTeam => "the TTIS team",
        Key::AuthorReporter => "you",
        Key::SecurityContact => "Security contact",
        Key::Processing => "Uploaded; the server is storing and checking the evidence…",
    }
}
