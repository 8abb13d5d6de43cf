//! A head's signer profile (full name with academic titles, NIP, rank, position, capacity), with
//! a preview of the signature block it prints. The head edits their own on the account page
//! (`/auth/signer-profile`); an admin edits any head's on the users page
//! (`/users/{id}/signer-profile`). A head approves only with a complete profile.

use gloo_net::http::Method;
use ttis_shared::Lang;
use ttis_shared::dto::signers::{self, SignerProfile, SignerProfileView, SigningCapacity};
use ttis_shared::validation::{self, Violation};
use yew::prelude::*;

use super::event_value;
use crate::api::{self, ApiError};
use crate::components::field::Field;
use crate::hooks::{Fetch, use_fetch};
use crate::i18n::{Key, t};
use crate::pages::common::message_for;
use crate::state::use_lang;

#[derive(Properties, PartialEq)]
pub struct SignerProfileProps {
    /// `/auth/signer-profile` or `/users/{id}/signer-profile`.
    pub path: AttrValue,
    pub token: AttrValue,
    /// Prefix of the element ids (`signer`, `user-signer-7`).
    pub id_prefix: AttrValue,
    /// Shown as the panel's heading level 2 (own account) or 3 (inside the users table).
    #[prop_or(2)]
    pub level: u8,
}

/// The text fields: JSON name, label, hint.
const FIELDS: [(&str, Key, Option<Key>); 4] = [
    ("full_name", Key::SignerFullName, Some(Key::SignerFullNameHint)),
    ("nip", Key::SignerNip, None),
    ("rank", Key::SignerRank, Some(Key::SignerRankHint)),
    ("position_title", Key::SignerPosition, Some(Key::SignerPositionHint)),
];

fn value_of<'a>(p: &'a SignerProfile, field: &str) -> &'a str {
    match field {
        "full_name" => &p.full_name,
        "nip" => &p.nip,
        "rank" => &p.rank,
        _ => &p.position_title,
    }
}

fn set_value(p: &mut SignerProfile, field: &str, value: String) {
    match field {
        "full_name" => p.full_name = value,
        "nip" => p.nip = value,
        "rank" => p.rank = value,
        _ => p.position_title = value,
    }
}

fn check(field: &str, value: &str) -> Result<(), Violation> {
    match field {
        "nip" => validation::nip(value),
        _ => validation::optional_line(value),
    }
}

fn field_label(field: &str, lang: Lang) -> &'static str {
    FIELDS.iter().find(|(f, ..)| *f == field).map(|(_, k, _)| t(lang, *k)).unwrap_or("")
}

#[function_component(SignerProfilePanel)]
pub fn signer_profile_panel(props: &SignerProfileProps) -> Html {
    let lang = use_lang();
    let form = use_state(SignerProfile::default);
    let local = use_state(Vec::<(&'static str, String)>::new);
    let error = use_state(|| None::<ApiError>);
    let saved = use_state(|| false);
    let busy = use_state(|| false);

    // The form starts from the stored profile.
    let loaded = {
        let (form, token) = (form.clone(), props.token.clone());
        use_fetch(props.path.clone(), move |path| async move {
            let result = api::get::<SignerProfileView>(&path, Some(&token), lang).await;
            if let Ok(v) = &result {
                form.set(v.profile.clone());
            }
            result
        })
    };
    let prefix = props.id_prefix.to_string();
    let id = move |field: &str| format!("{prefix}-{}", field.replace('_', "-"));
    let onsubmit = {
        let (form, local, error, saved, busy, loaded) =
            (form.clone(), local.clone(), error.clone(), saved.clone(), busy.clone(), loaded.clone());
        let (path, token, id) = (props.path.clone(), props.token.clone(), id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            saved.set(false);
            let problems: Vec<(&'static str, String)> = FIELDS
                .iter()
                .filter_map(|(f, ..)| check(f, value_of(&form, f)).err().map(|v| (*f, v.message(lang))))
                .collect();
            if let Some((field, _)) = problems.first() {
                crate::util::focus(&id(field));
                local.set(problems);
                return;
            }
            local.set(Vec::new());
            let body = (*form).clone();
            let (form, error, saved, busy, loaded, path, token) =
                (form.clone(), error.clone(), saved.clone(), busy.clone(), loaded.clone(), path.clone(), token.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    api::request::<_, SignerProfileView>(Method::PUT, &path, Some(&body), Some(&token), lang).await;
                busy.set(false);
                match result {
                    Ok(v) => {
                        error.set(None);
                        form.set(v.profile.clone());
                        loaded.set_ready(v);
                        saved.set(true);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };

    let heading = t(lang, Key::SignerTitle);
    let title = match props.level {
        3 => html! { <h3 id={id("title")}>{ heading }</h3> },
        _ => html! { <h2 id={id("title")}>{ heading }</h2> },
    };
    let view = match loaded.state() {
        Fetch::Loading => return html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(e) => {
            return html! { <div class="alert alert-error" role="alert" id={id("load-error")}>{ e.message(lang) }</div> };
        }
        Fetch::Ready(v) => v.clone(),
    };
    let err = |field: &str| message_for(&local, &error, field);
    let field = |(name, label, hint): &(&'static str, Key, Option<Key>)| {
        let name: &'static str = name;
        let oninput = {
            let form = form.clone();
            Callback::from(move |v: String| {
                let mut p = (*form).clone();
                set_value(&mut p, name, v);
                form.set(p);
            })
        };
        html! {
            <Field id={id(name)} label={t(lang, *label)} value={value_of(&form, name).to_string()} {oninput}
                error={err(name)} hint={hint.map(|h| AttrValue::from(t(lang, h)))}
                inputmode={(name == "nip").then_some(AttrValue::from("numeric"))} />
        }
    };
    let on_capacity = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            if let Some(c) = SigningCapacity::parse(&event_value(&e)) {
                let mut p = (*form).clone();
                p.capacity = c;
                form.set(p);
            }
        })
    };
    // The preview follows the form as typed.
    let lines = signers::signature_lines(form.capacity, &form.position_title, &view.head_title);
    let missing = signers::missing_fields(&form);
    let general = error.as_ref().filter(|e| e.field_errors().is_empty());

    html! {
        <section class="panel signer-profile" id={id("panel")} aria-labelledby={id("title")}>
            { title }
            <p class="field-hint">{ t(lang, Key::SignerIntro) }</p>
            <p id={id("status")} class={classes!("status", if missing.is_empty() { "status-on" } else { "status-off" })}>
                if missing.is_empty() {
                    { t(lang, Key::SignerComplete) }
                } else {
                    { format!("{} {}", t(lang, Key::SignerMissing),
                        missing.iter().map(|f| field_label(f, lang)).collect::<Vec<_>>().join(", ")) }
                }
            </p>
            <form class="form" novalidate=true {onsubmit} id={id("form")}>
                if *saved {
                    <div class="alert alert-success" role="status" id={id("saved")}>{ t(lang, Key::SignerSaved) }</div>
                }
                if let Some(e) = general {
                    <div class="alert alert-error" role="alert" id={id("error")}>{ e.message(lang) }</div>
                }
                { for FIELDS.iter().map(field) }
                <div class="field">
                    <label for={id("capacity")}>{ t(lang, Key::SignerCapacity) }</label>
                    <select id={id("capacity")} onchange={on_capacity}>
                        { for SigningCapacity::ALL.iter().map(|c| html! {
                            <option value={c.as_str()} selected={form.capacity == *c}>{ c.label(lang) }</option>
                        }) }
                    </select>
                </div>
                <figure class="signature-preview" aria-labelledby={id("preview-title")}>
                    <figcaption id={id("preview-title")}>{ t(lang, Key::SignerPreview) }</figcaption>
                    <div id={id("preview")} class="signature-preview-block">
                        { for lines.iter().map(|l| html! { <div>{ l.clone() }</div> }) }
                        <div class="signature-preview-space" aria-hidden="true"></div>
                        <div class="signature-preview-name">{ if form.full_name.trim().is_empty() { "…".to_string() } else { form.full_name.clone() } }</div>
                        <div>{ form.rank.clone() }</div>
                        if !form.nip.trim().is_empty() {
                            <div>{ format!("NIP. {}", form.nip.trim()) }</div>
                        }
                    </div>
                </figure>
                <div class="form-actions">
                    <button type="submit" id={id("save")} class="btn btn-primary" disabled={*busy}>
                        { t(lang, if *busy { Key::Sending } else { Key::Save }) }
                    </button>
                </div>
            </form>
        </section>
    }
}
