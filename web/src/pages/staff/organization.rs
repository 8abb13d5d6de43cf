//! Organisation settings (administrators): the letterhead (*kop surat*) and its logo, the title
//! of the agency's head, and the numbering of letters and certificates. Who signs is each head
//! account's own signer profile (`signer_profile.rs`). Documents rendered from then on use them;
//! signed documents never change.

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::Role;
use ttis_shared::dto::documents::{Organization, OrganizationView};
use ttis_shared::dto::problem::FieldError;
use ttis_shared::validation::{self, Violation};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{Guard, StaffNav, error_box, event_value, field_error};
use crate::api::{self, ApiError};
use crate::hooks::{Fetch, use_fetch_when, use_object_url};
use crate::i18n::{Key, t};
use crate::state::{Session, use_lang};
use crate::util::{self, format_bytes};

/// The largest logo the API takes.
pub const LOGO_MAX_BYTES: f64 = 512.0 * 1024.0;

/// What a field must be.
#[derive(Clone, Copy, PartialEq)]
enum Rule {
    Line,
    OptionalLine,
    Email,
    Pattern,
}

/// The form's fields, by section: the field's name (its id is `org-` and the name with `-`), its
/// label, its rule, and an optional hint.
const LETTERHEAD: [(&str, Key, Rule, Option<Key>); 7] = [
    ("government_name", Key::OrgGovernmentName, Rule::Line, Some(Key::OrgGovernmentNameHint)),
    ("agency_name", Key::OrgAgencyName, Rule::Line, None),
    ("address", Key::PseAddress, Rule::Line, None),
    ("phone", Key::FieldPhone, Rule::OptionalLine, None),
    ("email", Key::FieldEmail, Rule::Email, None),
    ("website", Key::OrgWebsite, Rule::OptionalLine, None),
    ("city", Key::OrgCity, Rule::Line, Some(Key::OrgCityHint)),
];
const SIGNER: [(&str, Key, Rule, Option<Key>); 1] =
    [("head_title", Key::OrgSignerTitle, Rule::Line, Some(Key::OrgSignerTitleHint))];
const NUMBERING: [(&str, Key, Rule, Option<Key>); 2] = [
    ("letter_number_pattern", Key::OrgLetterPattern, Rule::Pattern, None),
    ("certificate_number_pattern", Key::OrgCertificatePattern, Rule::Pattern, None),
];

fn field_mut<'a>(o: &'a mut Organization, name: &str) -> Option<&'a mut String> {
    Some(match name {
        "government_name" => &mut o.government_name,
        "agency_name" => &mut o.agency_name,
        "address" => &mut o.address,
        "phone" => &mut o.phone,
        "email" => &mut o.email,
        "website" => &mut o.website,
        "city" => &mut o.city,
        "head_title" => &mut o.head_title,
        "letter_number_pattern" => &mut o.letter_number_pattern,
        "certificate_number_pattern" => &mut o.certificate_number_pattern,
        _ => return None,
    })
}

fn field_value(o: &Organization, name: &str) -> String {
    let v = match name {
        "government_name" => &o.government_name,
        "agency_name" => &o.agency_name,
        "address" => &o.address,
        "phone" => &o.phone,
        "email" => &o.email,
        "website" => &o.website,
        "city" => &o.city,
        "head_title" => &o.head_title,
        "letter_number_pattern" => &o.letter_number_pattern,
        "certificate_number_pattern" => &o.certificate_number_pattern,
        _ => return String::new(),
    };
    v.clone()
}

/// `org-` and the field's name with `-` for `_`.
pub fn input_id(name: &str) -> String {
    format!("org-{}", name.replace('_', "-"))
}

fn check(rule: Rule, value: &str) -> Result<(), Violation> {
    match rule {
        Rule::Line => validation::line(value),
        Rule::OptionalLine => validation::optional_line(value),
        Rule::Email => validation::email(value),
        Rule::Pattern => validation::number_pattern(value.trim()),
    }
}

/// The trimmed settings, as sent.
fn trimmed(o: &Organization) -> Organization {
    let mut out = o.clone();
    for (name, ..) in LETTERHEAD.iter().chain(SIGNER.iter()).chain(NUMBERING.iter()) {
        if let Some(v) = field_mut(&mut out, name) {
            *v = v.trim().to_string();
        }
    }
    out
}

#[function_component(OrganizationSettings)]
pub fn organization_settings() -> Html {
    let page = Callback::from(|session: Rc<Session>| html! { <OrganizationPage {session} /> });
    html! { <Guard {page} /> }
}

#[derive(Properties, PartialEq)]
struct Props {
    session: Rc<Session>,
}

#[function_component(OrganizationPage)]
fn organization_page(props: &Props) -> Html {
    let lang = use_lang();
    let is_admin = props.session.has_role(Role::Admin);
    let token = props.session.token.clone();
    let view = use_fetch_when(is_admin, token.clone(), move |token| async move {
        api::get::<OrganizationView>("/organization", Some(&token), lang).await
    });
    let on_view = {
        let view = view.clone();
        Callback::from(move |v: OrganizationView| view.set_ready(v))
    };
    let body = if !is_admin {
        html! { <p class="alert alert-error" role="alert" id="org-forbidden">{ t(lang, Key::OrgForbidden) }</p> }
    } else {
        match view.state() {
            Fetch::Loading => html! { <p class="panel loading" role="status">{ t(lang, Key::Loading) }</p> },
            Fetch::Failed(e) => error_box(e, lang, "org-load-error"),
            Fetch::Ready(v) => html! {
                <div class="grid-users">
                    <OrganizationForm initial={v.organization.clone()} token={token.clone()} on_saved={on_view.clone()} />
                    <LogoPanel has_logo={v.has_logo} token={token.clone()} on_changed={on_view} />
                </div>
            },
        }
    };
    html! {
        <div class="container container-wide page">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                    <h1>{ t(lang, Key::OrgTitle) }</h1>
                    <p class="lead">{ t(lang, Key::OrgLead) }</p>
                </div>
            </div>
            <StaffNav session={props.session.clone()} />
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    initial: Organization,
    token: String,
    on_saved: Callback<OrganizationView>,
}

#[function_component(OrganizationForm)]
fn organization_form(props: &FormProps) -> Html {
    let lang = use_lang();
    let org = use_state(|| props.initial.clone());
    let local = use_state(Vec::<FieldError>::new);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let notice = use_state(|| false);

    let onsubmit = {
        let (org, local, error, busy, notice) =
            (org.clone(), local.clone(), error.clone(), busy.clone(), notice.clone());
        let (token, on_saved) = (props.token.clone(), props.on_saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            notice.set(false);
            let body = trimmed(&org);
            let problems: Vec<FieldError> = LETTERHEAD
                .iter()
                .chain(SIGNER.iter())
                .chain(NUMBERING.iter())
                .filter_map(|(name, _, rule, _)| {
                    check(*rule, &field_value(&body, name)).err().map(|v| FieldError {
                        field: (*name).into(),
                        code: v.code().into(),
                        message: if *rule == Rule::Pattern && v == Violation::NotAnOption {
                            t(lang, Key::OrgPatternInvalid).to_string()
                        } else {
                            v.message(lang)
                        },
                    })
                })
                .collect();
            if let Some(first) = problems.first() {
                util::focus(&input_id(&first.field));
                local.set(problems);
                return;
            }
            local.set(Vec::new());
            let (org, error, busy, notice, token, on_saved) =
                (org.clone(), error.clone(), busy.clone(), notice.clone(), token.clone(), on_saved.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    api::request::<_, OrganizationView>(Method::PUT, "/organization", Some(&body), Some(&token), lang)
                        .await;
                busy.set(false);
                match result {
                    Ok(v) => {
                        error.set(None);
                        org.set(v.organization.clone());
                        notice.set(true);
                        on_saved.emit(v);
                        util::sleep(0).await;
                        util::focus("org-notice");
                    }
                    Err(e) => {
                        let first = e.field_errors().first().map(|f| input_id(&f.field));
                        error.set(Some(e));
                        util::sleep(0).await;
                        util::focus(first.as_deref().unwrap_or("org-error"));
                    }
                }
            });
        })
    };

    let err = |name: &str| -> Option<String> {
        local
            .iter()
            .find(|e| e.field == name)
            .map(|e| e.message.clone())
            .or_else(|| error.as_ref().and_then(|e| field_error(e.field_errors(), name)))
    };
    let field = |(name, label, rule, hint): &(&'static str, Key, Rule, Option<Key>)| {
        let id = input_id(name);
        let e = err(name);
        let optional = *rule == Rule::OptionalLine;
        let oninput = {
            let org = org.clone();
            let name = *name;
            Callback::from(move |ev: InputEvent| {
                let mut next = (*org).clone();
                if let Some(v) = field_mut(&mut next, name) {
                    *v = event_value(&ev);
                }
                org.set(next);
            })
        };
        let mut described = Vec::new();
        if hint.is_some() {
            described.push(format!("{id}-hint"));
        }
        if e.is_some() {
            described.push(format!("{id}-error"));
        }
        let input_type = if *rule == Rule::Email { "email" } else { "text" };
        html! {
            <div class={classes!("field", e.is_some().then_some("field-invalid"))}>
                <label for={id.clone()}>
                    { t(lang, *label) }
                    if optional { <span class="optional">{ format!(" ({})", t(lang, Key::Optional)) }</span> }
                </label>
                if let Some(h) = hint { <p class="field-hint" id={format!("{id}-hint")}>{ t(lang, *h) }</p> }
                <input id={id.clone()} name={*name} type={input_type} value={field_value(&org, name)} {oninput}
                    class={classes!((*rule == Rule::Pattern).then_some("mono"))}
                    aria-invalid={e.is_some().then_some("true")}
                    aria-describedby={(!described.is_empty()).then(|| described.join(" "))} />
                if let Some(e) = e { <p class="field-error" id={format!("{id}-error")}>{ e }</p> }
            </div>
        }
    };
    let general = error.as_ref().filter(|e| e.field_errors().is_empty());

    html! {
        <section class="panel" aria-labelledby="org-form-title">
            <h2 id="org-form-title">{ t(lang, Key::OrgFormTitle) }</h2>
            <form id="org-form" class="form" novalidate=true {onsubmit}>
                if *notice {
                    <div class="alert alert-success" role="status" id="org-notice" tabindex="-1">{ t(lang, Key::OrgSaved) }</div>
                }
                if let Some(e) = general {
                    { error_box(e, lang, "org-error") }
                } else if error.is_some() || !local.is_empty() {
                    <div class="alert alert-error" role="alert" id="org-error" tabindex="-1">{ t(lang, Key::FixMarkedFields) }</div>
                }
                <fieldset class="form-section">
                    <legend>{ t(lang, Key::OrgLetterheadLegend) }</legend>
                    { for LETTERHEAD.iter().map(field) }
                </fieldset>
                <fieldset class="form-section">
                    <legend>{ t(lang, Key::OrgSignerLegend) }</legend>
                    <p class="section-hint" id="org-signers-hint">{ t(lang, Key::OrgSignerProfilesNote) }</p>
                    { for SIGNER.iter().map(field) }
                </fieldset>
                <fieldset class="form-section">
                    <legend>{ t(lang, Key::OrgNumberingLegend) }</legend>
                    <p class="section-hint" id="org-numbering-hint">{ t(lang, Key::OrgPatternHint) }</p>
                    { for NUMBERING.iter().map(field) }
                </fieldset>
                <div class="form-actions">
                    <button type="submit" id="org-save" class="btn btn-primary" disabled={*busy}>
                        { t(lang, if *busy { Key::Sending } else { Key::Save }) }
                    </button>
                </div>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LogoProps {
    has_logo: bool,
    token: String,
    on_changed: Callback<OrganizationView>,
}

/// The letterhead's logo: the current one (fetched with the token), upload and removal.
#[function_component(LogoPanel)]
fn logo_panel(props: &LogoProps) -> Html {
    let lang = use_lang();
    let version = use_state(|| 0u32);
    let file = use_state(|| None::<web_sys::File>);
    let invalid = use_state(|| None::<String>);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let notice = use_state(|| None::<Key>);
    let input_ref = use_node_ref();
    let logo =
        use_object_url(props.has_logo.then(|| "/organization/logo".to_string()), Some(props.token.clone()), *version);

    let onchange = {
        let (file, invalid, notice) = (file.clone(), invalid.clone(), notice.clone());
        Callback::from(move |e: Event| {
            notice.set(None);
            let chosen = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|input| input.files())
                .and_then(|files| files.get(0));
            let problem = chosen.as_ref().and_then(|f| {
                if !matches!(f.type_().as_str(), "image/png" | "image/jpeg") {
                    Some(t(lang, Key::OrgLogoWrongType).to_string())
                } else if f.size() > LOGO_MAX_BYTES {
                    Some(t(lang, Key::OrgLogoTooLarge).to_string())
                } else {
                    None
                }
            });
            invalid.set(problem);
            file.set(chosen);
        })
    };
    let finish = {
        let (version, file, error, busy, notice, input_ref, on_changed) = (
            version.clone(),
            file.clone(),
            error.clone(),
            busy.clone(),
            notice.clone(),
            input_ref.clone(),
            props.on_changed.clone(),
        );
        move |result: Result<OrganizationView, ApiError>, done: Key| {
            busy.set(false);
            match result {
                Ok(v) => {
                    error.set(None);
                    file.set(None);
                    if let Some(input) = input_ref.cast::<web_sys::HtmlInputElement>() {
                        input.set_value("");
                    }
                    notice.set(Some(done));
                    version.set(version.wrapping_add(1));
                    on_changed.emit(v);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    };
    let upload = {
        let (file, invalid, busy, token, finish) =
            (file.clone(), invalid.clone(), busy.clone(), props.token.clone(), finish.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy || invalid.is_some() {
                return;
            }
            let Some(f) = (*file).clone() else {
                invalid.set(Some(t(lang, Key::OrgLogoChooseFirst).to_string()));
                util::focus("org-logo-file");
                return;
            };
            let (token, finish) = (token.clone(), finish.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let content_type = f.type_();
                let result = api::send_blob::<OrganizationView>(
                    Method::PUT,
                    "/organization/logo",
                    &f,
                    &content_type,
                    Some(&token),
                    lang,
                )
                .await;
                finish(result, Key::OrgLogoUploaded);
            });
        })
    };
    let remove = {
        let (busy, token, finish) = (busy.clone(), props.token.clone(), finish.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy || !util::confirm(t(lang, Key::OrgLogoRemoveConfirm)) {
                return;
            }
            let (token, finish) = (token.clone(), finish.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    api::request_empty::<OrganizationView>(Method::DELETE, "/organization/logo", Some(&token), lang)
                        .await;
                finish(result, Key::OrgLogoRemoved);
            });
        })
    };
    let chosen = file.as_ref().map(|f| format!("{} ({})", f.name(), format_bytes(f.size() as u64, lang)));

    html! {
        <section class="panel" aria-labelledby="org-logo-title" id="org-logo">
            <h2 id="org-logo-title">{ t(lang, Key::OrgLogoTitle) }</h2>
            if let Some(k) = *notice {
                <div class="alert alert-success" role="status" id="org-logo-notice">{ t(lang, k) }</div>
            }
            if let Some(e) = &*error {
                { error_box(e, lang, "org-logo-error") }
            }
            <div class="logo-preview">
                if props.has_logo {
                    { match &logo {
                        None => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
                        Some(Err(e)) => html! { <p class="field-error">{ e.message(lang) }</p> },
                        Some(Ok(src)) => html! { <img id="org-logo-preview" src={src.clone()} alt={t(lang, Key::OrgLogoAlt)} /> },
                    } }
                } else {
                    <p class="muted" id="org-logo-none">{ t(lang, Key::OrgLogoNone) }</p>
                }
            </div>
            <div class={classes!("field", invalid.is_some().then_some("field-invalid"))}>
                <label for="org-logo-file">{ t(lang, Key::OrgLogoChoose) }</label>
                <p class="field-hint" id="org-logo-file-hint">{ t(lang, Key::OrgLogoHint) }</p>
                <input id="org-logo-file" type="file" accept="image/png,image/jpeg" ref={input_ref} {onchange}
                    aria-invalid={invalid.is_some().then_some("true")}
                    aria-describedby={if invalid.is_some() { "org-logo-file-hint org-logo-file-error" } else { "org-logo-file-hint" }} />
                if let Some(c) = chosen { <p class="file-size">{ c }</p> }
                if let Some(msg) = &*invalid { <p class="field-error" id="org-logo-file-error">{ msg.clone() }</p> }
            </div>
            <div class="form-actions">
                <button type="button" id="org-logo-upload" class="btn btn-primary" disabled={*busy} onclick={upload}>
                    { t(lang, if *busy { Key::Sending } else { Key::OrgLogoUpload }) }
                </button>
                if props.has_logo {
                    <button type="button" id="org-logo-remove" class="btn btn-danger" disabled={*busy} onclick={remove}>
                        { t(lang, Key::OrgLogoRemove) }
                    </button>
                }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_an_input() {
        let mut o = Organization {
            government_name: String::new(),
            agency_name: String::new(),
            address: String::new(),
            phone: String::new(),
            email: String::new(),
            website: String::new(),
            city: String::new(),
            head_title: String::new(),
            letter_number_pattern: String::new(),
            certificate_number_pattern: String::new(),
        };
        let names: Vec<&str> = LETTERHEAD.iter().chain(SIGNER.iter()).chain(NUMBERING.iter()).map(|f| f.0).collect();
        assert_eq!(names.len(), 10);
        for name in names {
            assert!(field_mut(&mut o, name).is_some(), "{name}");
        }
        assert_eq!(input_id("head_title"), "org-head-title");
        assert_eq!(input_id("letter_number_pattern"), "org-letter-number-pattern");
    }
}
