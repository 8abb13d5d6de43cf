//! The form's data, its fields (named by their path in the API's `NewReport`, the same paths a
//! `422` names), the shared validation rules per field, and the `NewReport` it becomes.

use std::collections::BTreeMap;
use std::rc::Rc;

use ttis_shared::Lang;
use ttis_shared::dto::problem::FieldError;
use ttis_shared::dto::reports::{
    CertificateName, Declarations, HallOfFameChoice, NewReport, ReportKind, ReporterInput, ReporterType, Tlp,
};
use ttis_shared::validation::{self, Violation};
use yew::Reducible;

use crate::util;

/// Every field that can carry an error: (path in `NewReport`, element id of its control).
pub const FIELDS: &[(&str, &str)] = &[
    ("reporter.name", "report-name"),
    ("reporter.email", "report-email"),
    ("reporter.phone", "report-phone"),
    ("reporter.organization", "report-organization"),
    ("reporter.reporter_type", "report-reporter-type"),
    ("reporter.hall_of_fame", "report-hof-real_name"),
    ("reporter.certificate_name", "report-cert-real_name"),
    ("reporter.alias", "report-alias"),
    ("kind", "report-kind-incident"),
    ("title", "report-title"),
    ("category", "report-category"),
    ("affected_asset", "report-asset"),
    ("discovered_at", "report-discovered-at"),
    ("description", "report-description"),
    ("steps_to_reproduce", "report-steps"),
    ("impact", "report-impact"),
    ("ongoing", "report-ongoing-yes"),
    ("personal_data_involved", "report-personal-data-yes"),
    ("tlp", "report-tlp"),
    ("cvss_vector", "report-cvss"),
    ("declarations.good_faith", "report-good-faith"),
    ("declarations.consent", "report-consent"),
];

/// The element id of the control for `path`.
pub fn control_id(path: &str) -> &'static str {
    FIELDS.iter().find(|(p, _)| *p == path).map(|(_, id)| *id).unwrap_or("report-form")
}

/// The `static` spelling of a field path the server named, if the form has that field.
fn known_path(path: &str) -> Option<&'static str> {
    // The server files the reporter's struct-level alias rule as `reporter.alias` (or `alias`).
    let path = if path == "alias" { "reporter.alias" } else { path };
    FIELDS.iter().find(|(p, _)| *p == path).map(|(p, _)| *p)
}

/// What the person typed, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub organization: String,
    pub reporter_type: ReporterType,
    pub hall_of_fame: HallOfFameChoice,
    pub certificate_name: CertificateName,
    pub alias: String,
    pub kind: ReportKind,
    pub title: String,
    pub category: String,
    pub affected_asset: String,
    /// A `datetime-local` value in the browser's time zone. Empty until the reporter enters it:
    /// the letter to the PSE prints it, so it is never guessed.
    pub discovered_at: String,
    pub description: String,
    pub steps_to_reproduce: String,
    pub impact: String,
    pub ongoing: bool,
    pub personal_data_involved: bool,
    pub tlp: Tlp,
    pub cvss_vector: String,
    pub good_faith: bool,
    pub consent: bool,
    pub email_access_key: bool,
    /// The honeypot: people never see it, so it stays empty.
    pub website: String,
}

impl Draft {
    pub fn new() -> Self {
        Draft {
            name: String::new(),
            email: String::new(),
            phone: String::new(),
            organization: String::new(),
            reporter_type: ReporterType::Public,
            // Being named in public is opt-in.
            hall_of_fame: HallOfFameChoice::Anonymous,
            certificate_name: CertificateName::RealName,
            alias: String::new(),
            kind: ReportKind::Incident,
            title: String::new(),
            category: String::new(),
            affected_asset: String::new(),
            discovered_at: String::new(),
            description: String::new(),
            steps_to_reproduce: String::new(),
            impact: String::new(),
            ongoing: false,
            personal_data_involved: false,
            tlp: Tlp::Amber,
            cvss_vector: String::new(),
            good_faith: false,
            consent: false,
            email_access_key: false,
            website: String::new(),
        }
    }

    /// The alias is asked for: shown on the Hall of Fame or printed on the certificate.
    pub fn wants_alias(&self) -> bool {
        self.hall_of_fame == HallOfFameChoice::Alias || self.certificate_name == CertificateName::Alias
    }

    /// The shared rule for one field; `None` when it holds.
    pub fn check(&self, path: &str) -> Option<Violation> {
        let result = match path {
            "reporter.name" => validation::name(&self.name),
            "reporter.email" => validation::email(&self.email),
            "reporter.phone" => validation::phone(&self.phone),
            "reporter.organization" => validation::organization(&self.organization),
            "reporter.alias" => validation::alias(self.hall_of_fame, Some(&self.alias))
                .and_then(|()| validation::certificate_alias(self.certificate_name, Some(&self.alias))),
            "title" => validation::title(&self.title),
            "category" => validation::required(&self.category),
            "affected_asset" => validation::affected_asset(&self.affected_asset),
            "discovered_at" => match util::parse_local(&self.discovered_at) {
                Some(at) => validation::not_in_future(&at, util::now()),
                None => Err(Violation::Required),
            },
            "description" => validation::description(&self.description),
            "steps_to_reproduce" => validation::long_text(&self.steps_to_reproduce),
            "impact" => validation::long_text(&self.impact),
            "cvss_vector" => validation::cvss_vector(&self.cvss_vector),
            "declarations.good_faith" => validation::must_be_true(self.good_faith),
            "declarations.consent" => validation::must_be_true(self.consent),
            _ => Ok(()),
        };
        result.err()
    }

    /// Every broken rule, in the order of the form.
    pub fn check_all(&self) -> BTreeMap<&'static str, FieldMsg> {
        FIELDS.iter().filter_map(|(path, _)| self.check(path).map(|v| (*path, FieldMsg::Rule(v)))).collect()
    }

    /// The request body (without the proof of work, added right before sending).
    pub fn to_report(&self) -> Option<NewReport> {
        let opt = |s: &str| {
            let t = s.trim();
            (!t.is_empty()).then(|| t.to_string())
        };
        Some(NewReport {
            reporter: ReporterInput {
                name: self.name.trim().to_string(),
                email: self.email.trim().to_string(),
                phone: opt(&self.phone),
                organization: opt(&self.organization),
                reporter_type: self.reporter_type,
                hall_of_fame: self.hall_of_fame,
                certificate_name: self.certificate_name,
                alias: self.wants_alias().then(|| opt(&self.alias)).flatten(),
            },
            kind: self.kind,
            title: self.title.trim().to_string(),
            category: self.category.clone(),
            affected_asset: self.affected_asset.trim().to_string(),
            discovered_at: util::parse_local(&self.discovered_at)?,
            description: self.description.trim().to_string(),
            steps_to_reproduce: opt(&self.steps_to_reproduce),
            impact: opt(&self.impact),
            ongoing: self.ongoing,
            personal_data_involved: self.personal_data_involved,
            tlp: self.tlp,
            cvss_vector: opt(&self.cvss_vector),
            declarations: Declarations { good_faith: self.good_faith, consent: self.consent },
            email_access_key: self.email_access_key,
            website: (!self.website.is_empty()).then(|| self.website.clone()),
            pow: None,
        })
    }
}

/// An error shown next to a field: a shared rule (rendered in the UI language) or the server's words.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldMsg {
    Rule(Violation),
    Server(String),
}

impl FieldMsg {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            FieldMsg::Rule(v) => v.message(lang),
            FieldMsg::Server(s) => s.clone(),
        }
    }
}

/// A new value for one field.
pub enum Value {
    Text(String),
    Bool(bool),
    ReporterType(ReporterType),
    HallOfFame(HallOfFameChoice),
    CertificateName(CertificateName),
    Kind(ReportKind),
    Tlp(Tlp),
}

/// The form: what was typed and the errors showing.
#[derive(Debug, Clone, PartialEq)]
pub struct FormState {
    pub draft: Draft,
    pub errors: BTreeMap<&'static str, FieldMsg>,
}

pub enum FormAction {
    Set(&'static str, Value),
    /// The field lost focus: check it (unless still empty and never complained about).
    Blur(&'static str),
    CheckAll,
    /// A `422`: show the server's messages at their fields.
    Server(Vec<FieldError>),
}

impl Reducible for FormState {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            FormAction::Set(path, value) => {
                let d = &mut next.draft;
                match (path, value) {
                    ("reporter.name", Value::Text(v)) => d.name = v,
                    ("reporter.email", Value::Text(v)) => d.email = v,
                    ("reporter.phone", Value::Text(v)) => d.phone = v,
                    ("reporter.organization", Value::Text(v)) => d.organization = v,
                    ("reporter.alias", Value::Text(v)) => d.alias = v,
                    ("title", Value::Text(v)) => d.title = v,
                    ("category", Value::Text(v)) => d.category = v,
                    ("affected_asset", Value::Text(v)) => d.affected_asset = v,
                    ("discovered_at", Value::Text(v)) => d.discovered_at = v,
                    ("description", Value::Text(v)) => d.description = v,
                    ("steps_to_reproduce", Value::Text(v)) => d.steps_to_reproduce = v,
                    ("impact", Value::Text(v)) => d.impact = v,
                    ("cvss_vector", Value::Text(v)) => d.cvss_vector = v,
                    ("website", Value::Text(v)) => d.website = v,
                    ("ongoing", Value::Bool(v)) => d.ongoing = v,
                    ("personal_data_involved", Value::Bool(v)) => d.personal_data_involved = v,
                    ("declarations.good_faith", Value::Bool(v)) => d.good_faith = v,
                    ("declarations.consent", Value::Bool(v)) => d.consent = v,
                    ("email_access_key", Value::Bool(v)) => d.email_access_key = v,
                    (_, Value::ReporterType(v)) => d.reporter_type = v,
                    (_, Value::HallOfFame(v)) => {
                        d.hall_of_fame = v;
                        next.errors.remove("reporter.alias");
                    }
                    (_, Value::CertificateName(v)) => {
                        d.certificate_name = v;
                        next.errors.remove("reporter.alias");
                    }
                    (_, Value::Kind(v)) => d.kind = v,
                    (_, Value::Tlp(v)) => d.tlp = v,
                    _ => {}
                }
                // Once an error shows, re-check as the person types so it clears when fixed;
                // checkboxes are checked at once.
                let is_checkbox = path.starts_with("declarations.");
                if next.errors.contains_key(path) || is_checkbox {
                    match next.draft.check(path) {
                        Some(v) => next.errors.insert(path, FieldMsg::Rule(v)),
                        None => next.errors.remove(path),
                    };
                }
            }
            FormAction::Blur(path) => {
                let violation = next.draft.check(path);
                let untouched_empty = matches!(violation, Some(Violation::Required)) && !next.errors.contains_key(path);
                match violation {
                    Some(v) if !untouched_empty => {
                        next.errors.insert(path, FieldMsg::Rule(v));
                    }
                    Some(_) => {}
                    None => {
                        next.errors.remove(path);
                    }
                }
            }
            FormAction::CheckAll => next.errors = next.draft.check_all(),
            FormAction::Server(errors) => {
                next.errors.clear();
                for e in errors {
                    if let Some(path) = known_path(&e.field) {
                        next.errors.insert(path, FieldMsg::Server(e.message));
                    }
                }
            }
        }
        Rc::new(next)
    }
}

/// Server errors that name no field of the form (shown in the summary instead).
pub fn unplaced(errors: &[FieldError]) -> Vec<String> {
    errors.iter().filter(|e| known_path(&e.field).is_none()).map(|e| format!("{}: {}", e.field, e.message)).collect()
}
