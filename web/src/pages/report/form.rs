//! The report form itself: reporter, incident, evidence, declarations, and the honeypot.

use std::rc::Rc;

use ttis_shared::Lang;
use ttis_shared::cvss::{self, CvssSeverity};
use ttis_shared::dto::reports::{Category, CertificateName, HallOfFameChoice, ReportKind, ReporterType, SiteInfo, Tlp};
use wasm_bindgen::JsCast;
use web_sys::{File, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::evidence::{self, Limits};
use super::model::{FormAction, FormState, Value, control_id};
use crate::i18n::{Key, t};
use crate::util;

/// The value of the control an event came from.
fn event_value(e: &Event) -> String {
    let Some(target) = e.target() else {
        return String::new();
    };
    if let Some(el) = target.dyn_ref::<HtmlInputElement>() {
        el.value()
    } else if let Some(el) = target.dyn_ref::<HtmlTextAreaElement>() {
        el.value()
    } else if let Some(el) = target.dyn_ref::<HtmlSelectElement>() {
        el.value()
    } else {
        String::new()
    }
}

fn checked(e: &Event) -> bool {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|el| el.checked())
}

pub const REPORTER_TYPES: [(ReporterType, &str, Key); 4] = [
    (ReporterType::Public, "public", Key::ReporterTypePublic),
    (ReporterType::Researcher, "researcher", Key::ReporterTypeResearcher),
    (ReporterType::InternalMonitoring, "internal_monitoring", Key::ReporterTypeInternal),
    (ReporterType::Agency, "agency", Key::ReporterTypeAgency),
];

pub const HALL_OF_FAME: [(HallOfFameChoice, &str, Key); 3] = [
    (HallOfFameChoice::RealName, "real_name", Key::HofRealName),
    (HallOfFameChoice::Alias, "alias", Key::HofAlias),
    (HallOfFameChoice::Anonymous, "anonymous", Key::HofAnonymous),
];

pub const CERTIFICATE_NAMES: [(CertificateName, &str, Key); 2] = [
    (CertificateName::RealName, "real_name", Key::CertNameReal),
    (CertificateName::Alias, "alias", Key::CertNameAlias),
];

pub const KINDS: [(ReportKind, &str, Key); 2] = [
    (ReportKind::Incident, "incident", Key::KindIncident),
    (ReportKind::Vulnerability, "vulnerability", Key::KindVulnerability),
];

pub const TLPS: [(Tlp, Key); 5] = [
    (Tlp::Clear, Key::TlpClear),
    (Tlp::Green, Key::TlpGreen),
    (Tlp::Amber, Key::TlpAmber),
    (Tlp::AmberStrict, Key::TlpAmberStrict),
    (Tlp::Red, Key::TlpRed),
];

pub fn severity_key(s: CvssSeverity) -> Key {
    match s {
        CvssSeverity::None => Key::SeverityNone,
        CvssSeverity::Low => Key::SeverityLow,
        CvssSeverity::Medium => Key::SeverityMedium,
        CvssSeverity::High => Key::SeverityHigh,
        CvssSeverity::Critical => Key::SeverityCritical,
    }
}

/// `Skor dasar 9.8 (Kritis)` for a valid vector.
pub fn cvss_text(vector: &str, lang: Lang) -> Option<String> {
    let score = cvss::parse(vector).ok()?;
    Some(format!("{} {:.1} ({})", t(lang, Key::CvssScore), score.base_score, t(lang, severity_key(score.severity))))
}

/// Top-level classes in order, each with its sub-types in order.
pub fn grouped(categories: &[Category]) -> Vec<(&Category, Vec<&Category>)> {
    let mut classes: Vec<&Category> = categories.iter().filter(|c| c.parent.is_none()).collect();
    classes.sort_by_key(|c| (c.sort_order, c.code.clone()));
    classes
        .into_iter()
        .map(|class| {
            let mut subs: Vec<&Category> =
                categories.iter().filter(|c| c.parent.as_deref() == Some(class.code.as_str())).collect();
            subs.sort_by_key(|c| (c.sort_order, c.code.clone()));
            (class, subs)
        })
        .collect()
}

pub fn label_of(label: &ttis_shared::dto::reports::Label, lang: Lang) -> &str {
    match lang {
        Lang::Id => &label.id,
        Lang::En => &label.en,
    }
}

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub form: UseReducerHandle<FormState>,
    pub files: Rc<Vec<File>>,
    pub on_files: Callback<Rc<Vec<File>>>,
    pub categories: Option<Rc<Vec<Category>>>,
    pub site: Option<Rc<SiteInfo>>,
    /// Errors to list above the form (after a refused attempt), with whether to show them.
    pub summary: Option<Vec<String>>,
    pub on_review: Callback<()>,
    /// Filed by staff on someone's behalf: no evidence upload (the staff route takes JSON), no
    /// honeypot, and the button files the report at once.
    #[prop_or_default]
    pub staff: bool,
    #[prop_or_default]
    pub busy: bool,
}

/// Everything a field's markup needs.
struct Ctx {
    lang: Lang,
    form: UseReducerHandle<FormState>,
}

impl Ctx {
    fn error(&self, path: &str) -> Option<String> {
        self.form.errors.get(path).map(|m| m.text(self.lang))
    }

    fn oninput(&self, path: &'static str) -> Callback<InputEvent> {
        let form = self.form.clone();
        Callback::from(move |e: InputEvent| form.dispatch(FormAction::Set(path, Value::Text(event_value(&e)))))
    }

    fn onchange(&self, path: &'static str) -> Callback<Event> {
        let form = self.form.clone();
        Callback::from(move |e: Event| {
            form.dispatch(FormAction::Set(path, Value::Text(event_value(&e))));
            form.dispatch(FormAction::Blur(path));
        })
    }

    fn onblur(&self, path: &'static str) -> Callback<FocusEvent> {
        let form = self.form.clone();
        Callback::from(move |_| form.dispatch(FormAction::Blur(path)))
    }

    fn oncheck(&self, path: &'static str) -> Callback<Event> {
        let form = self.form.clone();
        Callback::from(move |e: Event| form.dispatch(FormAction::Set(path, Value::Bool(checked(&e)))))
    }

    /// `aria-describedby` for a control with an optional hint and error.
    fn described_by(&self, path: &str, hint: bool) -> Option<String> {
        let id = control_id(path);
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("{id}-hint"));
        }
        if self.form.errors.contains_key(path) {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    fn invalid(&self, path: &str) -> Option<&'static str> {
        self.form.errors.contains_key(path).then_some("true")
    }

    /// The frame around a control: label, hint, the control, the error.
    fn field(&self, path: &'static str, label: Key, hint: Option<&str>, optional: bool, control: Html) -> Html {
        let id = control_id(path);
        let error = self.error(path);
        html! {
            <div class={classes!("field", error.is_some().then_some("field-invalid"))}>
                <label for={id}>
                    { t(self.lang, label) }
                    if optional { <span class="optional">{ format!(" ({})", t(self.lang, Key::Optional)) }</span> }
                </label>
                if let Some(hint) = hint {
                    <p class="field-hint" id={format!("{id}-hint")}>{ hint.to_string() }</p>
                }
                { control }
                if let Some(error) = error {
                    <p class="field-error" id={format!("{id}-error")}>{ error }</p>
                }
            </div>
        }
    }

    /// A one-line text input.
    fn input(&self, path: &'static str, label: Key, kind: &'static str, value: &str, spec: Spec) -> Html {
        let id = control_id(path);
        let hint = spec.hint.map(|k| format!("{}{}", t(self.lang, k), spec.hint_suffix.clone().unwrap_or_default()));
        let control = html! {
            <input
                id={id}
                name={path}
                type={kind}
                value={value.to_string()}
                required={!spec.optional}
                aria-required={(!spec.optional).then_some("true")}
                aria-invalid={self.invalid(path)}
                aria-describedby={self.described_by(path, hint.is_some())}
                autocomplete={spec.autocomplete}
                inputmode={spec.inputmode}
                maxlength={spec.maxlength}
                max={spec.max}
                oninput={self.oninput(path)}
                onblur={self.onblur(path)}
            />
        };
        self.field(path, label, hint.as_deref(), spec.optional, control)
    }

    fn textarea(&self, path: &'static str, label: Key, value: &str, rows: u32, spec: Spec) -> Html {
        let id = control_id(path);
        let hint = spec.hint.map(|k| t(self.lang, k));
        let control = html! {
            <textarea
                id={id}
                name={path}
                rows={rows.to_string()}
                value={value.to_string()}
                required={!spec.optional}
                aria-required={(!spec.optional).then_some("true")}
                aria-invalid={self.invalid(path)}
                aria-describedby={self.described_by(path, hint.is_some())}
                oninput={self.oninput(path)}
                onblur={self.onblur(path)}
            />
        };
        self.field(path, label, hint, spec.optional, control)
    }

    /// A yes/no question as two radio buttons.
    fn yes_no(&self, path: &'static str, legend: Key, value: bool) -> Html {
        let name = path.replace('_', "-");
        let base = control_id(path).trim_end_matches("-yes").to_string();
        let option = |answer: bool, key: Key| {
            let id = format!("{base}-{}", if answer { "yes" } else { "no" });
            let form = self.form.clone();
            let onchange = Callback::from(move |_: Event| form.dispatch(FormAction::Set(path, Value::Bool(answer))));
            html! {
                <label class="choice" for={id.clone()}>
                    <input type="radio" id={id} name={name.clone()} checked={value == answer} {onchange} />
                    { t(self.lang, key) }
                </label>
            }
        };
        html! {
            <fieldset class="choice-group">
                <legend>{ t(self.lang, legend) }</legend>
                <div class="choices choices-inline">
                    { option(true, Key::Yes) }
                    { option(false, Key::No) }
                </div>
            </fieldset>
        }
    }

    fn checkbox(&self, path: &'static str, label: Key, value: bool, required: bool) -> Html {
        let id = control_id(path);
        let id = if id == "report-form" { "report-email-key" } else { id };
        let error = self.error(path);
        html! {
            <div class={classes!("field", "check-field", error.is_some().then_some("field-invalid"))}>
                <div class="checkbox">
                    <input
                        type="checkbox"
                        id={id}
                        name={path}
                        checked={value}
                        required={required}
                        aria-required={required.then_some("true")}
                        aria-invalid={self.invalid(path)}
                        aria-describedby={self.described_by(path, false)}
                        onchange={self.oncheck(path)}
                    />
                    <label for={id}>{ t(self.lang, label) }</label>
                </div>
                if let Some(error) = error {
                    <p class="field-error" id={format!("{id}-error")}>{ error }</p>
                }
            </div>
        }
    }
}

/// Options of a text input.
#[derive(Default, Clone)]
struct Spec {
    hint: Option<Key>,
    optional: bool,
    autocomplete: Option<&'static str>,
    inputmode: Option<&'static str>,
    maxlength: Option<&'static str>,
    /// Words added after the hint (the reporter's time zone under a time).
    hint_suffix: Option<String>,
    /// The `max` attribute (a time that may not lie in the future).
    max: Option<String>,
}

#[function_component(ReportForm)]
pub fn report_form(props: &FormProps) -> Html {
    let lang = crate::state::use_lang();
    let ctx = Ctx { lang, form: props.form.clone() };
    let d = &props.form.draft;
    let limits = Limits::from_site(props.site.as_deref());

    let onsubmit = {
        let on_review = props.on_review.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_review.emit(());
        })
    };

    // (a) Reporter.
    let reporter_type = {
        let form = props.form.clone();
        let onchange = Callback::from(move |e: Event| {
            let v = event_value(&e);
            if let Some((rt, _, _)) = REPORTER_TYPES.iter().find(|(_, code, _)| *code == v) {
                form.dispatch(FormAction::Set("reporter.reporter_type", Value::ReporterType(*rt)));
            }
        });
        html! {
            <div class="field">
                <label for="report-reporter-type">{ t(lang, Key::FieldReporterType) }</label>
                <select id="report-reporter-type" name="reporter.reporter_type" {onchange}>
                    { for REPORTER_TYPES.iter().map(|(rt, code, key)| html! {
                        <option value={*code} selected={d.reporter_type == *rt}>{ t(lang, *key) }</option>
                    }) }
                </select>
            </div>
        }
    };
    let hall_of_fame = {
        let options = HALL_OF_FAME.iter().map(|(choice, code, key)| {
            let id = format!("report-hof-{code}");
            let form = props.form.clone();
            let choice = *choice;
            let onchange = Callback::from(move |_: Event| form.dispatch(FormAction::Set("reporter.hall_of_fame", Value::HallOfFame(choice))));
            html! {
                <label class="choice" for={id.clone()}>
                    <input type="radio" id={id} name="reporter.hall_of_fame" value={*code} checked={d.hall_of_fame == choice} {onchange} />
                    { t(lang, *key) }
                </label>
            }
        });
        html! {
            <fieldset class="choice-group" aria-describedby="report-hof-hint">
                <legend>{ t(lang, Key::FieldHallOfFame) }</legend>
                <p class="field-hint" id="report-hof-hint">{ t(lang, Key::HofHint) }</p>
                <div class="choices">{ for options }</div>
            </fieldset>
        }
    };

    let certificate_name = {
        let options = CERTIFICATE_NAMES.iter().map(|(choice, code, key)| {
            let id = format!("report-cert-{code}");
            let form = props.form.clone();
            let choice = *choice;
            let onchange = Callback::from(move |_: Event| {
                form.dispatch(FormAction::Set("reporter.certificate_name", Value::CertificateName(choice)))
            });
            html! {
                <label class="choice" for={id.clone()}>
                    <input type="radio" id={id} name="reporter.certificate_name" value={*code} checked={d.certificate_name == choice} {onchange} />
                    { t(lang, *key) }
                </label>
            }
        });
        html! {
            <fieldset class="choice-group" aria-describedby="report-cert-hint">
                <legend>{ t(lang, Key::FieldCertificateName) }</legend>
                <p class="field-hint" id="report-cert-hint">{ t(lang, Key::CertNameHint) }</p>
                <div class="choices">{ for options }</div>
            </fieldset>
        }
    };

    // (b) Incident.
    let kind = {
        let options = KINDS.iter().map(|(kind, code, key)| {
            let id = format!("report-kind-{code}");
            let form = props.form.clone();
            let kind = *kind;
            let onchange = Callback::from(move |_: Event| form.dispatch(FormAction::Set("kind", Value::Kind(kind))));
            html! {
                <label class="choice" for={id.clone()}>
                    <input type="radio" id={id} name="kind" value={*code} checked={d.kind == kind} {onchange} />
                    { t(lang, *key) }
                </label>
            }
        });
        html! {
            <fieldset class="choice-group">
                <legend>{ t(lang, Key::FieldKind) }</legend>
                <div class="choices choices-inline">{ for options }</div>
            </fieldset>
        }
    };
    let category = {
        let path = "category";
        let groups = props.categories.as_deref().map(|c| grouped(c)).unwrap_or_default();
        let selected = d.category.as_str();
        let control = html! {
            <select
                id="report-category"
                name="category"
                required=true
                aria-required="true"
                aria-invalid={ctx.invalid(path)}
                aria-describedby={ctx.described_by(path, false)}
                onchange={ctx.onchange(path)}
                onblur={ctx.onblur(path)}
            >
                <option value="" selected={selected.is_empty()}>{ t(lang, Key::CategoryChoose) }</option>
                { for groups.into_iter().map(|(class, subs)| {
                    let class_label = label_of(&class.label, lang).to_string();
                    html! {
                        <optgroup label={class_label.clone()}>
                            <option value={class.code.clone()} selected={selected == class.code}>
                                { format!("{class_label} ({})", t(lang, Key::CategoryGeneral)) }
                            </option>
                            { for subs.into_iter().map(|sub| html! {
                                <option value={sub.code.clone()} selected={selected == sub.code}>{ label_of(&sub.label, lang).to_string() }</option>
                            }) }
                        </optgroup>
                    }
                }) }
            </select>
        };
        ctx.field(path, Key::FieldCategory, None, false, control)
    };
    let tlp = {
        let form = props.form.clone();
        let onchange = Callback::from(move |e: Event| {
            let v = event_value(&e);
            if let Some((tlp, _)) = TLPS.iter().find(|(tlp, _)| tlp.as_str() == v) {
                form.dispatch(FormAction::Set("tlp", Value::Tlp(*tlp)));
            }
        });
        html! {
            <div class="field">
                <label for="report-tlp">{ t(lang, Key::FieldTlp) }</label>
                <p class="field-hint" id="report-tlp-hint">{ t(lang, Key::TlpHint) }</p>
                <select id="report-tlp" name="tlp" aria-describedby="report-tlp-hint" {onchange}>
                    { for TLPS.iter().map(|(tlp, key)| html! {
                        <option value={tlp.as_str()} selected={d.tlp == *tlp}>{ t(lang, *key) }</option>
                    }) }
                </select>
            </div>
        }
    };
    let cvss_score = cvss_text(&d.cvss_vector, lang);

    // (c) Evidence.
    let evidence = html! {
        <evidence::Evidence files={props.files.clone()} on_files={props.on_files.clone()} limits={limits} />
    };

    // (e) Honeypot: off-screen, out of the tab order, hidden from assistive technology.
    let honeypot = html! {
        <div class="hp" aria-hidden="true">
            <label for="report-website">{ t(lang, Key::HoneypotLabel) }</label>
            <input type="text" id="report-website" name="website" tabindex="-1" autocomplete="off" value={d.website.clone()} oninput={ctx.oninput("website")} />
        </div>
    };

    let alias = d.wants_alias().then(|| {
        ctx.input(
            "reporter.alias",
            Key::FieldAlias,
            "text",
            &d.alias,
            Spec { maxlength: Some("60"), ..Spec::default() },
        )
    });

    html! {
        <form id="report-form" class="form report-form" novalidate=true {onsubmit}>
            if let Some(summary) = &props.summary {
                <div id="report-errors" class="alert alert-error" role="alert" tabindex="-1">
                    <p><strong>{ t(lang, Key::FormHasErrors) }</strong></p>
                    if !summary.is_empty() {
                        <ul>{ for summary.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ul>
                    }
                </div>
            }
            <p class="form-note">{ t(lang, Key::FormRequiredNote) }</p>

            <fieldset class="form-section" id="section-reporter">
                <legend>{ t(lang, Key::SectionReporter) }</legend>
                <p class="section-hint">{ t(lang, Key::SectionReporterHint) }</p>
                <div class="field-row">
                    { ctx.input("reporter.name", Key::FieldName, "text", &d.name, Spec { autocomplete: Some("name"), ..Spec::default() }) }
                    { ctx.input("reporter.email", Key::FieldEmail, "email", &d.email, Spec { autocomplete: Some("email"), hint: Some(Key::EmailHint), ..Spec::default() }) }
                </div>
                <div class="field-row">
                    { ctx.input("reporter.phone", Key::FieldPhone, "tel", &d.phone, Spec { autocomplete: Some("tel"), optional: true, hint: Some(Key::PhoneHint), ..Spec::default() }) }
                    { ctx.input("reporter.organization", Key::FieldOrganization, "text", &d.organization, Spec { autocomplete: Some("organization"), optional: true, ..Spec::default() }) }
                </div>
                { reporter_type }
                { hall_of_fame }
                { certificate_name }
                { for alias }
            </fieldset>

            <fieldset class="form-section" id="section-incident">
                <legend>{ t(lang, Key::SectionIncident) }</legend>
                { kind }
                { ctx.input("title", Key::FieldTitle, "text", &d.title, Spec { hint: Some(Key::TitleHint), ..Spec::default() }) }
                <div class="field-row">
                    { category }
                    { ctx.input("affected_asset", Key::FieldAsset, "text", &d.affected_asset, Spec { hint: Some(Key::AssetHint), inputmode: Some("url"), ..Spec::default() }) }
                </div>
                { ctx.input("discovered_at", Key::FieldDiscoveredAt, "datetime-local", &d.discovered_at, Spec { hint: Some(Key::DiscoveredAtHint), hint_suffix: Some(util::local_zone_label(lang)), max: Some(util::local_input_now()), ..Spec::default() }) }
                { ctx.textarea("description", Key::FieldDescription, &d.description, 6, Spec { hint: Some(Key::DescriptionHint), ..Spec::default() }) }
                { ctx.textarea("steps_to_reproduce", Key::FieldSteps, &d.steps_to_reproduce, 4, Spec { hint: Some(Key::StepsHint), optional: true, ..Spec::default() }) }
                { ctx.textarea("impact", Key::FieldImpact, &d.impact, 3, Spec { hint: Some(Key::ImpactHint), optional: true, ..Spec::default() }) }
                <div class="field-row">
                    { ctx.yes_no("ongoing", Key::FieldOngoing, d.ongoing) }
                    { ctx.yes_no("personal_data_involved", Key::FieldPersonalData, d.personal_data_involved) }
                </div>
                { tlp }
                <div class="cvss">
                    { ctx.input("cvss_vector", Key::FieldCvss, "text", &d.cvss_vector, Spec { hint: Some(Key::CvssHint), optional: true, ..Spec::default() }) }
                    <output id="report-cvss-score" for="report-cvss" class="cvss-score" aria-live="polite">
                        { cvss_score.unwrap_or_default() }
                    </output>
                </div>
            </fieldset>

            if !props.staff { { evidence } }

            <fieldset class="form-section" id="section-declarations">
                <legend>{ t(lang, Key::SectionDeclarations) }</legend>
                { ctx.checkbox("declarations.good_faith", Key::DeclGoodFaith, d.good_faith, true) }
                { ctx.checkbox("declarations.consent", Key::DeclConsent, d.consent, true) }
                { ctx.checkbox("email_access_key", Key::DeclEmailKey, d.email_access_key, false) }
                <p class="field-hint">{ t(lang, Key::DeclEmailKeyHint) }</p>
            </fieldset>

            if !props.staff { { honeypot } }

            <div class="form-actions">
                <button type="submit" id="report-review" class="btn btn-primary btn-lg" disabled={props.busy}>
                    { t(lang, if props.staff { if props.busy { Key::Sending } else { Key::NewTicketSubmit } } else { Key::ReviewButton }) }
                </button>
            </div>
        </form>
    }
}
