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
            "Recognition for the reporters who helped secure the electronic systems of the Kutai Kartanegara Regency Government. Each reporter of a valid report is shown as they chose: real name, alias or anonymous."
        }
        Key::VerifyTitle => "Document Verification",
        Key::VerifyLead => {
            "Check whether a notification letter or certificate of appreciation issued by TTIS is genuine, electronically signed and unaltered."
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
            "Read the team's question in the history below and answer it here. The team's service clock is paused until you answer."
        }
        Key::TimelineTitle => "Report history",
        Key::TimelineEmpty => "No history yet.",
        Key::TimelineStateChange => "Status changed to:",
        Key::TimelineMessage => "Message from",
        Key::AuthorTeam => "the TTIS team",
        Key::AuthorReporter => "you",
        Key::SecurityContact => "Security contact",
        Key::Processing => "Uploaded; the server is storing and checking the evidence…",
        Key::ActionDone => "Done: {action}.",
        Key::ActionsLabel => "Available actions",
        Key::AnalysisFormTitle => "Analysis report",
        Key::AnalysisFormLead => {
            "Record the team meeting's outcome: classification, severity, CVSS, affected PSE, findings and recommendations. Once sent, the report is verified and the letter and certificate are drafted automatically."
        }
        Key::AnalysisResultLegend => "Analysis outcome",
        Key::AnalysisSubmit => "Save analysis and verify",
        Key::AnalysisTitle => "Analysis",
        Key::Analyst => "Analysed by",
        Key::AssignOpen => "Assign",
        Key::AssignSubmit => "Send assignment",
        Key::AssignTitle => "Assign with a disposition",
        Key::AssignTo => "Assign to",
        Key::Assigned => "Assignment recorded.",
        Key::AssigneeIdHint => "The analyst's account number (the staff directory is not available).",
        Key::AttendeesFallback => "The staff directory is not available; only you and the assignee can be chosen.",
        Key::AttendeesRequired => "Choose at least one attendee.",
        Key::Cancel => "Cancel",
        Key::CategoriesLead => {
            "The incident taxonomy (ENISA / TF-CSIRT RSIT) with local sub-types. Retired categories stay on old tickets."
        }
        Key::CategoriesListTitle => "Active categories",
        Key::CategoriesTitle => "Incident taxonomy",
        Key::CategoryAdd => "Add category",
        Key::CategoryCode => "Code",
        Key::CategoryCodeHint => "Lower-case letters, digits and underscores; permanent.",
        Key::CategoryParent => "Parent class",
        Key::CategoryTopLevel => "(top-level class)",
        Key::ChannelEmail => "Email",
        Key::ChannelHint => "How the team received this report.",
        Key::ChannelLetter => "Letter",
        Key::ChannelMonitoring => "Monitoring team",
        Key::ChannelPhone => "Phone",
        Key::ChannelWalkIn => "Walk-in",
        Key::ChannelWeb => "Website",
        Key::ChooseOne => "— Choose —",
        Key::Claim => "Claim this ticket",
        Key::Claimed => "You now handle this ticket.",
        Key::ClassificationLegend => "Classification",
        Key::ClockDue => "Due",
        Key::ClockStandard => "Time standard",
        Key::ClockStarted => "Started",
        Key::ClockSteps => "SOP step",
        Key::Close => "Close",
        Key::CvssA => "Availability",
        Key::CvssAc => "Attack complexity",
        Key::CvssAdjacent => "Adjacent",
        Key::CvssAv => "Attack vector",
        Key::CvssC => "Confidentiality",
        Key::CvssChanged => "Changed",
        Key::CvssHigh => "High",
        Key::CvssI => "Integrity",
        Key::CvssIncomplete => "Choose all eight CVSS metrics, or none.",
        Key::CvssLocal => "Local",
        Key::CvssLow => "Low",
        Key::CvssMetricsHint => "Choose each base metric; the vector and score are computed as you go.",
        Key::CvssNetwork => "Network",
        Key::CvssNone => "None",
        Key::CvssPhysical => "Physical",
        Key::CvssPr => "Privileges required",
        Key::CvssRequired => "Required",
        Key::CvssS => "Scope",
        Key::CvssUi => "User interaction",
        Key::CvssUnchanged => "Unchanged",
        Key::Delete => "Delete",
        Key::Deleted => "Deleted",
        Key::DispositionHint => "This sheet shows the assignment form's entries; print it and sign.",
        Key::DispositionSheet => "Disposition sheet",
        Key::DispositionTitle => "DISPOSITION SHEET",
        Key::Download => "Download",
        Key::DueDate => "Due date",
        Key::DuplicateHintsNote => "Other reports with a similar asset or title:",
        Key::DuplicateOf => "Duplicate of",
        Key::DuplicateOfHint => "The original report's ticket code; its reporter keeps the credit.",
        Key::DuplicateOfLabel => "Original ticket",
        Key::DuplicatesTitle => "Possible duplicates",
        Key::Edit => "Edit",
        Key::EvidenceStaffNote => "Evidence is download-only; do not open it on a work device without checking it.",
        Key::ExplainApprove => "The head approves and signs the letter and certificate electronically.",
        Key::ExplainComplete => "Close the ticket once the letter and certificate have been delivered.",
        Key::ExplainOther => "Move to the next step.",
        Key::ExplainReject => "The report is not valid. Choose the reason; a message to the reporter is emailed.",
        Key::ExplainRequestInfo => "The question is emailed to the reporter; the SLA clock pauses until they answer.",
        Key::ExplainReturn => "Return the drafts to the team with remarks.",
        Key::ExplainStart => "Start verification and analysis (step 4, time standard 1 working day).",
        Key::ExplainSubmit => "Submit the notification letter and appreciation certificate to the head for approval.",
        Key::FieldAssignee => "Assignee",
        Key::FieldChannel => "Channel",
        Key::FieldPse => "PSE",
        Key::FieldSeverity => "Severity",
        Key::FilterAll => "All",
        Key::FilterMine => "Mine",
        Key::FilterOverdue => "Overdue only",
        Key::FilterReset => "Reset",
        Key::FilterUnassigned => "Unassigned",
        Key::Findings => "Findings",
        Key::HandlingTitle => "Handling",
        Key::HostLabel => "Host",
        Key::InfoAnswerHint => "Your answer is sent with the ticket code and access key you entered above.",
        Key::InfoAnswerLabel => "Your answer",
        Key::InfoAnswerSent => "Thank you, your answer was received. The TTIS team continues the verification.",
        Key::InfoAnswerSubmit => "Send answer",
        Key::Instruction => "Instruction",
        Key::InternalBadge => "internal",
        Key::LabelEn => "Name (English)",
        Key::LabelId => "Name (Indonesian)",
        Key::MeetingAttendees => "Attendees",
        Key::MeetingDate => "Meeting date",
        Key::MeetingDecision => "Decision",
        Key::MeetingLegend => "Team meeting",
        Key::MeetingMinutes => "Minutes",
        Key::MessageAudience => "Kind",
        Key::MessageBodyInternal => "Internal note (not shown to the reporter)",
        Key::MessageBodyPublic => "Message to the reporter (emailed)",
        Key::MessageInternal => "Internal note",
        Key::MessagePublic => "Message to the reporter",
        Key::MessageSaveNote => "Save note",
        Key::MessageSendPublic => "Send message",
        Key::MessageSent => "Message sent to the reporter.",
        Key::MessageTitle => "Messages and notes",
        Key::NewTicketDone => "The report is filed. Pass the ticket code and access key on to the reporter.",
        Key::NewTicketLead => {
            "Record a report received by phone, email, letter, in person, or from the monitoring team."
        }
        Key::NewTicketSubmit => "File report",
        Key::NewTicketTitle => "File a report",
        Key::NoActions => "Nothing for you to do at this step.",
        Key::NoteSaved => "Internal note saved.",
        Key::PagerLabel => "Queue pages",
        Key::PagerNext => "Next",
        Key::PagerPrev => "Previous",
        Key::PagerText => "{from}–{to} of {total}",
        Key::PersonalDataBadge => "Personal data",
        Key::PersonalDataNote => "Protected by Law 27/2022 on personal data; use only to handle this report.",
        Key::PrintDisposition => "Print disposition sheet",
        Key::Priority => "Priority",
        Key::PriorityBiasa => "Normal",
        Key::PrioritySangatSegera => "Most urgent",
        Key::PrioritySegera => "Urgent",
        Key::PseAdd => "Add PSE",
        Key::PseAddress => "Address",
        Key::PseAssets => "Assets",
        Key::PseContacts => "Contacts",
        Key::PseDeleteConfirm => "Delete {name} from the PSE register?",
        Key::PseEdit => "Edit PSE",
        Key::PseEmails => "Emails",
        Key::PseEmailsHint => "One address per line (or separated by commas).",
        Key::PseHead => "Head",
        Key::PseHeadName => "Head's name",
        Key::PseHeadTitle => "Head's title",
        Key::PseName => "PSE name",
        Key::PseNone => "Not set",
        Key::PseRulesHint => "Reports are matched against these rules on arrival (the most specific rule wins).",
        Key::PsesEmpty => "No PSE registered yet.",
        Key::PsesLead => "The agencies operating electronic systems and the assets they run.",
        Key::PsesListTitle => "Registered PSEs",
        Key::PsesTitle => "PSE register",
        Key::QuestionLabel => "Question to the reporter",
        Key::QueueAdminOnly => {
            "The ticket queue is for analysts and the head. As an administrator, manage accounts, the PSE register and the taxonomy from the links above."
        }
        Key::QueueAutoRefresh => "Refreshes every 30 seconds",
        Key::QueueFiltersLabel => "Filter the queue",
        Key::QueueSearch => "Search",
        Key::QueueSearchButton => "Search",
        Key::QueueSearchHint => "Code, title, asset, reporter name or email",
        Key::ReasonDuplicate => "Duplicate of another report",
        Key::ReasonInsufficient => "Insufficient information",
        Key::ReasonNotValid => "Not valid",
        Key::ReasonOutOfScope => "Out of scope",
        Key::ReasonSpam => "Spam",
        Key::Recommendations => "Recommendations to the PSE",
        Key::RejectMessageLabel => "Message to the reporter",
        Key::RejectReasonLabel => "Reason",
        Key::RemarksLabel => "Remarks",
        Key::Remove => "Remove",
        Key::Rename => "Rename",
        Key::ReportSection => "Report",
        Key::ReporterSection => "Reporter",
        Key::Restore => "Restore",
        Key::Restored => "Restored",
        Key::Retire => "Retire",
        Key::RetireConfirm => "Retire the category {name}? Old tickets keep it.",
        Key::Retired => "Retired",
        Key::RetiredNow => "Just retired",
        Key::RuleAdd => "Add asset rule",
        Key::RuleAppName => "App name",
        Key::RuleCidr => "IP range (CIDR)",
        Key::RuleDomainSuffix => "Domain suffix",
        Key::RuleExactHost => "Exact host",
        Key::RuleKind => "Rule type",
        Key::RuleValue => "Value",
        Key::Save => "Save",
        Key::Saved => "Saved",
        Key::SevKritis => "Critical",
        Key::SevRendah => "Low",
        Key::SevSedang => "Medium",
        Key::SevTinggi => "High",
        Key::SheetDate => "Date",
        Key::SheetFrom => "From",
        Key::SheetSigner => "Assigned by,",
        Key::SheetTo => "To",
        Key::SlaClosed => "Closed",
        Key::SlaColumn => "SLA",
        Key::SlaLeft => "{t} left",
        Key::SlaOverdue => "{t} overdue",
        Key::SlaPausedShort => "paused (waiting for reporter)",
        Key::SortCode => "Ticket code",
        Key::SortDue => "Most urgent",
        Key::SortLabel => "Sort by",
        Key::SortNewest => "Newest",
        Key::SortOldest => "Oldest",
        Key::SortOrder => "Order",
        Key::SortState => "State",
        Key::SortTitle => "Title",
        Key::StaffNavLabel => "Staff menu",
        Key::Subject => "Subject",
        Key::TicketClosed => "This ticket is closed.",
        Key::TlAssignment => "Assignment",
        Key::TlMessage => "Message to the reporter",
        Key::TlNote => "Internal note",
        Key::TlReply => "Reporter's answer",
        Key::TlStateChange => "State:",
        Key::Unassigned => "Unassigned",
        Key::WaitingReporter => "Waiting for the reporter; the SLA clock is paused.",
        Key::EvidenceTitle => "Evidence",
        Key::ApprovalsTitle => "Document Approvals",
        Key::ApprovalsLead => {
            "Notification letters and certificates of appreciation waiting for the head's approval and signature (SOP steps 6–7)."
        }
        Key::ApprovalsListTitle => "Awaiting approval",
        Key::ApprovalsEmptyTitle => "Nothing is waiting for approval.",
        Key::ApprovalsEmptyText => "Tickets the team submits will appear here.",
        Key::ApprovalsHeadOnly => "Only the head can approve documents; for you this list is read-only.",
        Key::ApprovalsOpen => "Review",
        Key::ApprovalsSince => "Submitted",
        Key::ApprovalsWaiting => "tickets awaiting approval",
        Key::NavApprovals => "Approvals",
        Key::NavOrganization => "Organisation",
        Key::ApprovedDocsText => "The letter and certificate were approved and signed on {date}, then emailed to you.",
        Key::DocDraft => "Draft",
        Key::DocFinal => "Final",
        Key::DocKind => "Document type",
        Key::DocLatestPreviews => "Latest versions",
        Key::DocNumber => "Number",
        Key::DocOpenTab => "Open in a new tab",
        Key::DocPreview => "Preview",
        Key::DocRevoked => "Revoked",
        Key::DocSigned => "Signed",
        Key::DocVerifyLink => "Verify",
        Key::DocVersion => "Version",
        Key::DocumentsNone => {
            "No documents yet. The analysis report, letter and certificate are drafted when the report is verified."
        }
        Key::DocumentsTitle => "Documents",
        Key::DraftsTitle => "Letter and certificate drafts",
        Key::DraftsLead => {
            "Edit the variable parts of the notification letter and the certificate of appreciation. Each save renders both documents again as new versions; older versions are kept."
        }
        Key::DraftRevision => "Revision {n}, updated {at}",
        Key::DraftLetterLegend => "Cyber incident notification letter",
        Key::DraftRecipient => "To (addressee)",
        Key::DraftRecipientHint => "The addressee's title, e.g. Kepala Dinas Pendidikan Kabupaten Kutai Kartanegara.",
        Key::DraftRecipientPlace => "Place (di)",
        Key::DraftNature => "Nature of the letter",
        Key::NatureBiasa => "Ordinary (biasa)",
        Key::NatureSegera => "Urgent (segera)",
        Key::NatureRahasia => "Confidential (rahasia)",
        Key::DraftResponseDays => "Response deadline (working days)",
        Key::DraftResponseDaysInvalid => "Enter a whole number from 1 to 90.",
        Key::DraftSummary => "Summary of the report",
        Key::DraftSummaryHint => "The opening paragraph: what was reported to the team.",
        Key::DraftCopies => "Copies to (tembusan)",
        Key::DraftCopiesHint => "One recipient per line, at most 10.",
        Key::DraftCopiesTooMany => "At most 10 lines of copies.",
        Key::DraftCertificateLegend => "Certificate of appreciation",
        Key::DraftCertificateName => "Name on the certificate",
        Key::DraftCertificateNameHint => "By default, the name the reporter chose for the Hall of Fame.",
        Key::DraftCitation => "Citation",
        Key::DraftCitationHint => {
            "Printed in Indonesian, e.g. atas laporan kerentanan yang disampaikan secara bertanggung jawab."
        }
        Key::DraftsSave => "Save drafts",
        Key::DraftsSaveHint => "Both documents are rendered again as new versions.",
        Key::DraftsSaved => "Drafts saved; new versions of the letter and certificate were rendered.",
        Key::HeadRemarks => "Remarks from the head",
        Key::ReviewDraftsTitle => "Review the letter and certificate drafts",
        Key::ReviewDraftsHint => {
            "Check both drafts, then approve and sign them, or return them to the team with remarks."
        }
        Key::FixMarkedFields => "Check the fields marked in red.",
        Key::OrgTitle => "Organisation Settings",
        Key::OrgLead => {
            "The letterhead, the signer and the numbering of letters and certificates. Documents rendered from now on use these settings; signed documents never change."
        }
        Key::OrgForbidden => "Only administrators can change the organisation settings.",
        Key::OrgFormTitle => "Letterhead and signer",
        Key::OrgLetterheadLegend => "Letterhead",
        Key::OrgGovernmentName => "Government",
        Key::OrgGovernmentNameHint => "The letterhead's first line, e.g. PEMERINTAH KABUPATEN KUTAI KARTANEGARA.",
        Key::OrgAgencyName => "Agency",
        Key::OrgWebsite => "Website",
        Key::OrgCity => "City of issue",
        Key::OrgCityHint => "Used in the date line, e.g. Tenggarong, 10 Juli 2025.",
        Key::OrgSignerLegend => "Signer",
        Key::OrgSignerName => "Signer's name",
        Key::OrgSignerTitle => "Title",
        Key::OrgSignerTitleHint => "Printed above the signature, e.g. Kepala Dinas Komunikasi dan Informatika.",
        Key::OrgSignerNip => "Civil-servant number (NIP)",
        Key::OrgSignerRank => "Rank (pangkat/golongan)",
        Key::OrgSignerRankHint => "E.g. Pembina Utama Muda.",
        Key::OrgNumberingLegend => "Numbering",
        Key::OrgPatternHint => {
            "Number pattern: {seq} (required, exactly once; the sequence restarts each year), {YYYY} year, {MM} month (07), {ROMAN_MM} month in Roman numerals (VII). Example: B-{seq}/DISKOMINFO/000.6/{MM}/{YYYY}."
        }
        Key::OrgLetterPattern => "Letter number pattern",
        Key::OrgCertificatePattern => "Certificate number pattern",
        Key::OrgPatternInvalid => {
            "The pattern must contain {seq} exactly once, and otherwise only {YYYY}, {MM} or {ROMAN_MM}."
        }
        Key::OrgSaved => "Organisation settings saved.",
        Key::OrgLogoTitle => "Letterhead logo",
        Key::OrgLogoNone => "No logo uploaded; the letterhead uses the built-in emblem.",
        Key::OrgLogoAlt => "Current letterhead logo",
        Key::OrgLogoChoose => "Logo file",
        Key::OrgLogoHint => "PNG or JPEG, at most 512 KB.",
        Key::OrgLogoWrongType => "The logo must be a PNG or JPEG file.",
        Key::OrgLogoTooLarge => "The logo is too large; at most 512 KB.",
        Key::OrgLogoChooseFirst => "Choose a logo file first.",
        Key::OrgLogoUpload => "Upload logo",
        Key::OrgLogoUploaded => "Logo uploaded.",
        Key::OrgLogoRemove => "Remove logo",
        Key::OrgLogoRemoveConfirm => "Remove the logo? The letterhead goes back to the built-in emblem.",
        Key::OrgLogoRemoved => "Logo removed; the letterhead uses the built-in emblem.",
        Key::RevokeTitle => "Revoke document",
        Key::RevokeLead => {
            "Administrators only. A revoked document is kept, but this page declares it no longer in force, with the reason. Revocation cannot be undone."
        }
        Key::RevokeReason => "Reason for revocation",
        Key::RevokeSubmit => "Revoke document",
        Key::VerifyLookupTitle => "Find a document",
        Key::VerifyIdHint => {
            "Printed under the QR code on the document; you can also paste the address from the QR code."
        }
        Key::VerifySubmit => "Check document",
        Key::VerifyNotFoundTitle => "Document not found.",
        Key::VerifyNotFoundText => {
            "There is no signed document with this reference. Check the reference on the document or scan its QR code again. Do not treat a document that cannot be verified here as official."
        }
        Key::VerifyValidTitle => "Valid",
        Key::VerifyValidText => {
            "This document was issued by TTIS and its electronic signature verifies. Compare its contents with the details below, or check your file."
        }
        Key::VerifyRevokedTitle => "Revoked",
        Key::VerifyRevokedText => "This document was revoked on {date} and is no longer in force.\nReason: {reason}",
        Key::VerifyInvalidTitle => "Not valid",
        Key::VerifyInvalidText => {
            "The electronic signature of this document does not verify. Do not rely on this document; contact the TTIS team."
        }
        Key::VerifyDate => "Date",
        Key::VerifyIssuer => "Issuer",
        Key::VerifySigner => "Signed by",
        Key::VerifySignerTitle => "Signer's title",
        Key::VerifySignedAt => "Signed at",
        Key::VerifySignature => "Electronic signature",
        Key::VerifySignatureOk => "Verifies",
        Key::VerifySignatureBad => "Does not verify",
        Key::VerifyKeyId => "Signing key id",
        Key::VerifyTechnical => "Technical details",
        Key::VerifyPublicKey => "Public key (Base64)",
        Key::VerifySignatureValue => "Signature (Base64)",
        Key::VerifyTechnicalHint => {
            "The signature is made over the PDF file's SHA-256; anyone can check it with this public key."
        }
        Key::VerifyFileTitle => "Check your file",
        Key::VerifyFileLead => {
            "Choose the PDF file you received to make sure it is exactly the signed document. The file is only compared, never stored."
        }
        Key::VerifyFileLabel => "PDF file",
        Key::VerifyFileCheck => "Check file",
        Key::VerifyFileChooseFirst => "Choose a PDF file first.",
        Key::VerifyFileTooLarge => "The file is too large; at most 10 MB.",
        Key::VerifyFileMatches => "The file is identical to the signed document.",
        Key::VerifyFileDiffers => {
            "The file differs from the signed document: its contents are not the same, or it was altered."
        }
        Key::VerifyFileYourHash => "SHA-256 of your file",
        Key::VerifyFileSignedHash => "SHA-256 of the signed document",
        Key::StepDoneAt => "Done at",
        Key::StepNotYet => "not yet",
        Key::DownloadsTitle => "Download your documents",
        Key::DownloadsHint => {
            "These documents are electronically signed. Anyone can check that they are genuine on the Document Verification page."
        }
        Key::HofShowRealName => "Real name",
        Key::HofShowAlias => "Alias",
        Key::HofShowAnonymous => "Anonymous (listed without a name)",
        Key::HofShowHidden => "Not listed on the Hall of Fame",
        Key::HofChangeHint => {
            "Valid reports are listed on the Hall of Fame once their letter and certificate are approved. You can change how you appear at any time; the change takes effect at once."
        }
        Key::HofChoiceLabel => "Show me as",
        Key::HofAliasHint => "At most 60 characters. The alias is never linked to your real name.",
        Key::HofSaved => "Your Hall of Fame choice has been saved.",
        Key::HofReportsOne => "{n} valid report",
        Key::HofReportsMany => "{n} valid reports",
        Key::HofEmptyTitle => "No reporters are listed yet.",
        Key::HofEmptyText => {
            "Reporters of valid reports are listed here once their notification letter and certificate of appreciation are approved."
        }
        Key::HofEmptyYearText => "No reporters are listed for {year}. Choose another year or show all years.",
        Key::HofSummary => "Reporters: {people} · {reports}",
        Key::HofListTitle => "Reporters",
        Key::HofYearLabel => "Year",
        Key::HofAllYears => "All years",
        Key::HofNote => {
            "The Hall of Fame shows only the display name each reporter chose; no other personal data is ever shown. Each certificate can be checked through the link on its number."
        }
        Key::HofAnonymousName => "Anonymous",
        Key::HofRank => "Rank",
        Key::HofLatest => "Latest",
        Key::HofCertificates => "Certificates",
        Key::HofVerifyCertificate => "Verify certificate",
        Key::AckTitle => "Confirm Receipt of the Letter",
        Key::AckLead => {
            "This page is for the electronic system operator (PSE) that received a cyber incident notification letter from the TTIS team. By confirming, you state that the letter was received and, if so, that the weakness has been fixed. The link works only once."
        }
        Key::AckFormTitle => "Confirmation of receipt",
        Key::AckFixed => "The weakness has been fixed",
        Key::AckFixedHint => {
            "Tick only when the fix is done. If not yet, just confirm receipt and tell the TTIS team once the weakness is fixed."
        }
        Key::AckName => "Name and title of the person confirming",
        Key::AckNote => "Note",
        Key::AckNoteHint => "For example, the steps taken or planned.",
        Key::AckSubmit => "Send confirmation",
        Key::AckThanks => "Thank you. Your confirmation has been recorded.",
        Key::AckLetterNumber => "Letter number",
        Key::AckAt => "Confirmed at",
        Key::AckFixedLabel => "Weakness fixed",
        Key::AckNotFixedHint => {
            "Once the weakness is fixed, please let the TTIS team know through the official channels."
        }
        Key::AckUsed => "This link has already been used.",
        Key::AckUsedHint => {
            "Receipt of this letter was already confirmed and cannot be changed. For questions, contact the TTIS team through the official channels."
        }
        Key::AckInvalid => "This link is not valid.",
        Key::AckInvalidHint => {
            "Check that the whole link was copied from the email. If it still fails, contact the TTIS team through the official channels."
        }
        Key::AckNoToken => {
            "Open this page through the full link in the notification letter email. Make sure the whole link was copied, including the part after the # sign."
        }
        Key::DeliveriesTitle => "Deliveries",
        Key::DeliveriesNone => "No notifications have been sent for this ticket yet.",
        Key::DeliveryChannel => "Channel",
        Key::DeliveryRecipients => "Recipients",
        Key::DeliverySentAt => "Sent at",
        Key::DeliverySent => "Sent",
        Key::DeliveryPending => "Pending",
        Key::DeliverySending => "Sending",
        Key::DeliveryFailed => "Failed",
        Key::DeliveryWebhook => "Webhook",
        Key::DeliveryNextAttempt => "Next attempt:",
        Key::DeliveryAttempts => "Attempts",
        Key::DeliveryLastError => "Last error",
        Key::DeliveryResend => "Resend",
        Key::DeliveryResent => "The message is queued to be sent again.",
        Key::DeliveryPurposeDocuments => "Document delivery (step 9)",
        Key::DeliveryAttachments => "Attachments",
        Key::FailedDeliveriesTitle => "Failed deliveries",
        Key::FailedDeliveriesHint => {
            "These notifications still failed after every retry. Open the ticket to check the recipients, then resend."
        }
        Key::PseAckTitle => "PSE acknowledgement",
        Key::PseAckShort => "the PSE confirmed receipt of the letter",
        Key::PseAckMarker => "PSE ✓",
        Key::WebhooksTitle => "Webhooks",
        Key::WebhooksLead => {
            "Notify other systems (a SOC or a ticketing tool, for example) automatically when a report arrives, a ticket changes state, a document is approved or a ticket is completed. Administrators only."
        }
        Key::WebhooksListTitle => "Registered webhooks",
        Key::WebhooksEmptyTitle => "No webhooks yet.",
        Key::WebhooksEmptyText => "Register a receiving address with the Add webhook form.",
        Key::WebhookUrl => "Receiver URL",
        Key::WebhookUrlHint => {
            "An https:// address (or http:// for a receiver on the same network) that accepts JSON POST requests."
        }
        Key::WebhookUrlInvalid => "Enter a full address starting with https:// or http://, without spaces.",
        Key::WebhookEvents => "Events",
        Key::WebhookEventsRequired => "Choose at least one event.",
        Key::WebhookEvent => "Event",
        Key::WebhookEventReportSubmitted => "A new report arrives",
        Key::WebhookEventTicketStateChanged => "A ticket changes state",
        Key::WebhookEventDocumentApproved => "Letter and certificate approved",
        Key::WebhookEventTicketCompleted => "A ticket is completed",
        Key::WebhookAdd => "Add webhook",
        Key::WebhookDeleteConfirm => "Delete the webhook {url}? Calls still queued will fail.",
        Key::WebhookDeleted => "Webhook deleted",
        Key::WebhookCalls => "Show deliveries",
        Key::WebhookHideCalls => "Hide deliveries",
        Key::WebhookNoCalls => "No calls to this webhook yet.",
        Key::WebhookSecretTitle => "Webhook signing secret",
        Key::WebhookSecretCopyNow => "Copy this secret now.",
        Key::WebhookSecretOnce => {
            "The secret for {url} is shown only this once and cannot be seen again. Store it in the receiving system; if it is lost, delete the webhook and register it again."
        }
        Key::WebhookSecretDone => "I have stored it",
        Key::WebhookHowToTitle => "How to verify a call",
        Key::WebhookHowToHeaders => {
            "Each event is sent as a JSON POST request with the headers X-TTIS-Event (the event), X-TTIS-Delivery (the delivery id, to recognise repeats) and X-TTIS-Signature."
        }
        Key::WebhookHowToVerify => {
            "The X-TTIS-Signature header reads t=<Unix time>,v1=<signature>. Compute the HMAC-SHA256 of the text \"<t>.<raw request body>\" with the webhook's secret, write it in hex, and compare it with v1 in constant time. Reject the call if they differ or if t is more than 5 minutes from your clock."
        }
        Key::WebhookHowToRetry => {
            "Answer with a 2xx status. Failed calls are retried with growing pauses; see them with the Show deliveries button."
        }
        Key::QueueExport => "Download CSV",
        Key::QueueExportHint => {
            "Download every ticket matching the current filters and sorting as a CSV file (semicolon-separated)."
        }
        Key::StatsNav => "Statistics",
        Key::StatsTitle => "Cyber Incident Report Statistics",
        Key::StatsLead => {
            "Reports per month and category, how each SOP step kept to its time standard, outcomes, and tickets still open — for the head of agency and the team."
        }
        Key::StatsForbidden => "Statistics are for analysts and the head of agency only.",
        Key::StatsPeriodLabel => "Statistics period and filter",
        Key::StatsFrom => "From",
        Key::StatsTo => "To",
        Key::StatsApply => "Apply",
        Key::StatsThisYear => "This year",
        Key::StatsDateInvalid => "Enter a valid date.",
        Key::StatsDateOrder => "The end date cannot be before the start date.",
        Key::StatsPrint => "Print",
        Key::StatsSummaryTitle => "Summary",
        Key::StatsPeriodText => "Period {from} to {to}",
        Key::StatsTotal => "Total reports",
        Key::StatsValid => "Valid",
        Key::StatsRejected => "Rejected",
        Key::StatsOpen => "Still open",
        Key::StatsMonthsTitle => "Reports per month and category",
        Key::StatsMonthsHint => "Each column is one month; the colours show the incident category.",
        Key::StatsMonth => "Month",
        Key::StatsNoReports => "No reports in this period.",
        Key::StatsShowTable => "Show the data as a table",
        Key::StatsSlaTitle => "Time standard met per SOP step",
        Key::StatsSlaHint => "Share of each step's instances in the period that finished within the time standard.",
        Key::StatsSlaLegend => "Green: {green} or more; amber: {amber} to under {green}; red: under {amber}.",
        Key::StatsNoData => "No data",
        Key::StatsStep => "Step",
        Key::StatsWithinStandard => "Within standard",
        Key::StatsInstances => "Instances",
        Key::StatsStepsTitle => "Time taken per step",
        Key::StatsMedian => "Median",
        Key::StatsP90 => "90th percentile",
        Key::StatsOutcomesTitle => "Report outcomes",
        Key::StatsOutcomesHint => "Reports in the period by outcome: valid, rejected with the reason, or still open.",
        Key::StatsOutcome => "Outcome",
        Key::StatsOutcomeValid => "Valid (acted upon)",
        Key::StatsOutcomeOpen => "Still open",
        Key::StatsOutcomeRejected => "Rejected",
        Key::StatsCount => "Count",
        Key::StatsShare => "Share",
        Key::StatsAgeTitle => "Open tickets by age",
        Key::StatsAgeHint => "Every ticket still open now, by time since it was submitted (not limited to the period).",
        Key::StatsAge => "Age",
        Key::StatsAgeLt1d => "< 1 day",
        Key::StatsAge1To3d => "1–3 days",
        Key::StatsAge3To7d => "3–7 days",
        Key::StatsAge7To30d => "7–30 days",
        Key::StatsAgeGt30d => "> 30 days",
        Key::StatsBreakdownsTitle => "Breakdown of reports",
        Key::StatsByCategory => "By category",
        Key::StatsBySeverity => "By severity",
        Key::StatsByReporter => "By reporter type",
        Key::StatsReporterType => "Reporter type",
        Key::StatsTopPses => "PSEs with the most reports",
        Key::StatsExportsTitle => "Download data and recap",
        Key::StatsExportsHint => {
            "The CSV files use the period and category applied above, separated by semicolons so spreadsheets set to Indonesian open them directly."
        }
        Key::StatsExportStats => "Download statistics (CSV)",
        Key::StatsExportTickets => "Download ticket list (CSV)",
        Key::StatsRecapTitle => "Monthly cyber incident recap",
        Key::StatsRecapHint => "The monthly recap as a PDF, to report upward.",
        Key::StatsRecapMonth => "Month",
        Key::StatsRecapMonthInvalid => "Choose the month of the recap.",
        Key::StatsRecapDownload => "Download recap (PDF)",
        Key::StatsTeaserTitle => "This year's statistics",
        Key::StatsTeaserText => "Report trends, each SOP step against its time standard, and the monthly recap.",
        Key::StatsOpenPage => "Open statistics",
        Key::SlaTableTitle => "Time per SOP step",
        Key::SlaTableHint => {
            "Each step's time against its standard. Time waiting for the reporter does not count. Green: within 80% of the standard; amber: close to it; red: past it."
        }
        Key::SlaEnded => "Ended",
        Key::SlaSpent => "Time spent",
        Key::SlaRunning => "Running",
        Key::SlaNoStandard => "No time standard",
        Key::SlaStatusGreen => "Within standard",
        Key::SlaStatusAmber => "Close to the limit",
        Key::SlaStatusRed => "Past the standard",
        Key::SlaStatusNotStarted => "Not started",
        Key::SlaStatusNotTimed => "Not timed",
        Key::SlaPolicyNav => "SLA policy",
        Key::SlaPolicyTitle => "SLA policy and holidays",
        Key::SlaPolicyLead => {
            "Set the working days, the time zone and each SOP step's time standard. Open tickets' due times follow a change at once."
        }
        Key::SlaFormTitle => "Working calendar and time standards",
        Key::SlaUpdatedAt => "Last changed:",
        Key::SlaCalendarLegend => "Working calendar",
        Key::SlaOffset => "Time zone",
        Key::SlaOffsetHint => "Working days are counted in this time zone's local time.",
        Key::SlaOfficeHours => "Limit to office hours",
        Key::SlaOfficeHoursHint => {
            "When set, minute standards count office time only, and working-day standards start at the next opening. Otherwise time runs all day."
        }
        Key::SlaDayStart => "Opens at",
        Key::SlaDayEnd => "Closes at",
        Key::SlaHoursInvalid => "The closing time must be after the opening time.",
        Key::SlaOffsetWib => "WIB — Western Indonesia Time (UTC+7)",
        Key::SlaOffsetWita => "WITA — Central Indonesia Time (UTC+8)",
        Key::SlaOffsetWit => "WIT — Eastern Indonesia Time (UTC+9)",
        Key::SlaWorkingDays => "Working days",
        Key::SlaWorkingDaysHint => "Standards in working days skip the days not ticked and the holidays below.",
        Key::SlaDaysRequired => "Choose at least one working day.",
        Key::SlaStandardsLegend => "Time standard per SOP step",
        Key::SlaStandardsHint => {
            "In minutes or working days, or no time standard. The SOP's own standard is shown for reference."
        }
        Key::SlaUnit => "Unit",
        Key::SlaValue => "Value",
        Key::SlaSopStandard => "SOP standard",
        Key::SlaUnitNone => "No time standard",
        Key::SlaUnitMinutes => "Minutes",
        Key::SlaUnitWorkingDays => "Working days",
        Key::SlaValueInvalid => "Enter a whole number above 0.",
        Key::SlaResetSop => "Reset to the SOP's standards",
        Key::SlaSaved => "SLA policy saved. Open tickets' due times have been recomputed.",
        Key::DayMonday => "Monday",
        Key::DayTuesday => "Tuesday",
        Key::DayWednesday => "Wednesday",
        Key::DayThursday => "Thursday",
        Key::DayFriday => "Friday",
        Key::DaySaturday => "Saturday",
        Key::DaySunday => "Sunday",
        Key::HolidaysTitle => "Holidays",
        Key::HolidaysHint => "National holidays and collective leave days do not count as working days.",
        Key::HolidaysEmpty => "No holidays recorded yet.",
        Key::HolidayDate => "Date",
        Key::HolidayName => "Name",
        Key::HolidayNameHint => "For example: Christmas Day, Eid collective leave.",
        Key::HolidayDateInvalid => "Choose a valid date.",
        Key::HolidayAdd => "Add holiday",
        Key::HolidaySaved => "Holiday saved",
        Key::HolidayDeleted => "Holiday removed",
        Key::LoginTotpLabel => "Verification code",
        Key::LoginTotpHint => {
            "This account uses two-step verification. Open your authenticator app and enter the 6-digit code for TTIS Lapor."
        }
        Key::EnrollmentBannerTitle => "Set up two-step verification",
        Key::EnrollmentBannerText => {
            "The security policy requires administrators and heads to use two-step verification. Until you set it up, only your account page can be opened."
        }
        Key::EnrollmentBannerLink => "Go to my account",
        Key::NavAccount => "My Account",
        Key::NavSecurity => "Security",
        Key::NavAudit => "Audit Log",
        Key::NavReporterData => "Reporter Data",
        Key::AccountTitle => "My Account",
        Key::AccountLead => "Manage your account's two-step verification, password and signed-in sessions.",
        Key::TotpTitle => "Two-step verification",
        Key::TotpIntro => {
            "Besides the password, signing in also asks for a 6-digit code from an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or FreeOTP)."
        }
        Key::TotpOn => "On",
        Key::TotpOff => "Off",
        Key::TotpStartHint => "Enter your password to start enrolling an authenticator app.",
        Key::TotpStart => "Start setup",
        Key::TotpScanTitle => "Scan the QR code",
        Key::TotpScanText => {
            "Scan this QR code with your authenticator app, or type the key below it by hand. Then enter the 6-digit code the app shows."
        }
        Key::TotpQrAlt => "QR code for the authenticator app",
        Key::TotpSecretLabel => "Key for manual entry",
        Key::TotpCodeLabel => "6-digit code",
        Key::TotpActivate => "Turn on",
        Key::TotpActivated => {
            "Two-step verification is on. From now on, signing in asks for a code from the authenticator app."
        }
        Key::TotpRemoveTitle => "Turn off two-step verification",
        Key::TotpRemoveHint => "Needs your password and a current code from the authenticator app.",
        Key::TotpRemove => "Turn off",
        Key::TotpRemoved => "Two-step verification is off.",
        Key::PwTitle => "Change password",
        Key::PwCurrent => "Current password",
        Key::PwNew => "New password",
        Key::PwNewHint => {
            "At least 12 characters. A long phrase you can remember beats a short complicated password; common passwords are refused."
        }
        Key::PwConfirm => "Repeat the new password",
        Key::PwMismatch => "The two new passwords do not match.",
        Key::PwSubmit => "Change password",
        Key::PwChanged => "Password changed. Your sessions on other devices have been ended.",
        Key::SessionsTitle => "Active sessions",
        Key::SessionsLead => {
            "Devices and browsers where your account is signed in. End any session you do not recognise."
        }
        Key::SessionStarted => "Started",
        Key::SessionLastUsed => "Last used",
        Key::SessionIp => "IP address",
        Key::SessionBrowser => "Browser",
        Key::SessionCurrent => "This device",
        Key::SessionEnd => "End",
        Key::SessionEnded => "Session ended.",
        Key::SessionsEmpty => "No active sessions.",
        Key::UsersTotp => "2-step verification",
        Key::UsersSessions => "Sessions",
        Key::UsersHideSessions => "Hide sessions",
        Key::UsersTotpReset => "Reset 2FA",
        Key::UsersTotpResetConfirm => {
            "Clear {name}'s two-step verification? All their sessions end and they need to enrol an authenticator app again."
        }
        Key::UsersTotpResetDone => "Two-step verification cleared for",
        Key::SecurityTitle => "Security and Data Retention",
        Key::SecurityLead => "The security policy for staff accounts and how long reporters' personal data is kept.",
        Key::PolicyTitle => "Security policy",
        Key::PolicyRequireTotp => "Require two-step verification for administrators and heads",
        Key::PolicyRequireTotpHint => {
            "Administrator and head accounts without it can only open their account page until they set it up."
        }
        Key::PolicyRetentionDays => "Keep reporter data for (days)",
        Key::PolicyRetentionHint => {
            "Counted from when a ticket is completed or rejected. Leave empty to keep it indefinitely."
        }
        Key::PolicyRetentionInvalid => "Enter a whole number from 1 to 36500, or leave it empty.",
        Key::PolicySave => "Save policy",
        Key::PolicySaved => "Security policy saved.",
        Key::RetentionTitle => "Reporter data retention",
        Key::RetentionExplain => {
            "Once the retention period is over, the reporter's personal data on completed or rejected tickets is erased: name, email, phone, organisation, the real name on the Hall of Fame (an alias stays), evidence files, and the contents of messages and emails to the reporter. The ticket code, category, severity, reporter type, PSE, dates, SOP step times and outcome stay, so the statistics do not change; signed letters and certificates stay as archives. Erasure runs automatically at intervals and cannot be undone."
        }
        Key::RetentionRun => "Run retention now",
        Key::RetentionRunConfirm => {
            "Erase now the reporter data of tickets past the retention period? This cannot be undone."
        }
        Key::RetentionResult => "{n} tickets anonymised, {files} evidence files removed.",
        Key::RetentionCutoff => "Cut-off: completed or rejected before",
        Key::RetentionNoPeriod => "No retention period is set; nothing was erased.",
        Key::ReporterDataTitle => "Reporter Data Request",
        Key::ReporterDataLead => {
            "Reporters have the right to know what personal data is held about them (Law No. 27 of 2022 on Personal Data Protection). Enter their email to download everything held about them as a JSON file."
        }
        Key::ReporterDataNote => {
            "Make sure the request really comes from the owner of the email before sending this file. Every request is recorded in the audit log."
        }
        Key::ReporterDataSubmit => "Download data",
        Key::ReporterDataResult => "{n} tickets found for {email}. The file data-pelapor.json has been downloaded.",
        Key::ReporterDataForbidden => "This page is for analysts and heads only.",
        Key::AuditTitle => "Audit Log",
        Key::AuditLead => {
            "Every action on the platform is recorded in a chain: each entry holds the hash of the one before, so a changed or deleted entry can be detected."
        }
        Key::AuditFiltersLabel => "Filter the audit log",
        Key::AuditAction => "Action",
        Key::AuditActionHint => "prefix, e.g. ticket.",
        Key::AuditActor => "Actor",
        Key::AuditTarget => "Target",
        Key::AuditTargetHint => "exact, e.g. ticket:TTIS-2026-000123",
        Key::AuditFrom => "From",
        Key::AuditTo => "To",
        Key::AuditApply => "Apply",
        Key::AuditTime => "Time",
        Key::AuditDetails => "Details",
        Key::AuditEmpty => "No matching entries.",
        Key::AuditPages => "Audit log pages",
        Key::AuditPage => "Page {page} of {pages}",
        Key::AuditVerifyTitle => "Chain integrity",
        Key::AuditVerifyHint => "Recomputes every entry's hash from the first entry on.",
        Key::AuditVerify => "Verify chain",
        Key::AuditIntact => "Chain intact: {n} entries checked, none altered.",
        Key::AuditBroken => {
            "Chain broken at entry #{id} ({n} entries checked). That entry and those after it may have been altered."
        }
    }
}
