//! The PSE register (*Penyelenggara Sistem Elektronik*): the agencies that operate electronic
//! systems and the assets they operate (rules a report's affected asset is matched against).
//! Staff read it; administrators add, edit and delete.

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::Role;
use ttis_shared::dto::problem::FieldError;
use ttis_shared::dto::tickets::{AssetRule, AssetRuleKind, Pse, PseInput, PseList};
use yew::prelude::*;

use super::{Guard, StaffNav, error_box, event_value, field_error, set_text};
use crate::api::{self, ApiError};
use crate::hooks::{Fetch, use_fetch};
use crate::i18n::{Key, t};
use crate::state::{Session, use_lang};
use crate::util;

pub const RULE_KINDS: [(AssetRuleKind, &str, Key); 4] = [
    (AssetRuleKind::ExactHost, "exact_host", Key::RuleExactHost),
    (AssetRuleKind::DomainSuffix, "domain_suffix", Key::RuleDomainSuffix),
    (AssetRuleKind::Cidr, "cidr", Key::RuleCidr),
    (AssetRuleKind::AppName, "app_name", Key::RuleAppName),
];

fn kind_key(kind: AssetRuleKind) -> Key {
    RULE_KINDS.iter().find(|(k, _, _)| *k == kind).map_or(Key::RuleExactHost, |(_, _, key)| *key)
}

#[function_component(Pses)]
pub fn pses() -> Html {
    let page = Callback::from(|session: Rc<Session>| html! { <PseRegister {session} /> });
    html! { <Guard {page} /> }
}

#[derive(Properties, PartialEq)]
struct Props {
    session: Rc<Session>,
}

#[function_component(PseRegister)]
fn pse_register(props: &Props) -> Html {
    let lang = use_lang();
    let token = props.session.token.clone();
    let is_admin = props.session.has_role(Role::Admin);
    let list = use_fetch(token.clone(), move |token| async move {
        api::get::<PseList>("/pses", Some(&token), lang).await.map(|l| l.items)
    });
    let editing = use_state(|| None::<Option<Pse>>);
    let notice = use_state(|| None::<String>);
    let action_error = use_state(|| None::<ApiError>);

    let on_saved = {
        let (list, editing, notice) = (list.clone(), editing.clone(), notice.clone());
        Callback::from(move |name: String| {
            editing.set(None);
            notice.set(Some(format!("{}: {name}", t(lang, Key::Saved))));
            list.reload();
        })
    };
    let on_cancel = {
        let editing = editing.clone();
        Callback::from(move |()| editing.set(None))
    };
    let on_new = {
        let (editing, notice) = (editing.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            notice.set(None);
            editing.set(Some(None));
            wasm_bindgen_futures::spawn_local(async {
                util::sleep(0).await;
                util::focus("pse-name");
            });
        })
    };
    let on_edit = {
        let (editing, notice) = (editing.clone(), notice.clone());
        Callback::from(move |p: Pse| {
            notice.set(None);
            editing.set(Some(Some(p)));
            wasm_bindgen_futures::spawn_local(async {
                util::sleep(0).await;
                util::focus("pse-name");
            });
        })
    };
    let on_delete = {
        let (token, list, notice, action_error) = (token.clone(), list.clone(), notice.clone(), action_error.clone());
        Callback::from(move |p: Pse| {
            if !util::confirm(&t(lang, Key::PseDeleteConfirm).replace("{name}", &p.name)) {
                return;
            }
            let (token, list, notice, action_error) =
                (token.clone(), list.clone(), notice.clone(), action_error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("/pses/{}", p.id);
                match api::request_empty::<()>(Method::DELETE, &path, Some(&token), lang).await {
                    Ok(()) => {
                        action_error.set(None);
                        notice.set(Some(format!("{}: {}", t(lang, Key::Deleted), p.name)));
                    }
                    Err(e) => action_error.set(Some(e)),
                }
                list.reload();
            });
        })
    };

    let table = match list.state() {
        Fetch::Loading => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(e) => error_box(e, lang, "pses-error"),
        Fetch::Ready(items) if items.is_empty() => {
            html! { <p class="empty-state" id="pses-empty">{ t(lang, Key::PsesEmpty) }</p> }
        }
        Fetch::Ready(items) => html! {
            <div class="table-wrap">
                <table class="table" id="pses-table">
                    <caption class="visually-hidden">{ t(lang, Key::PsesTitle) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, Key::PseName) }</th>
                            <th scope="col">{ t(lang, Key::PseHead) }</th>
                            <th scope="col">{ t(lang, Key::PseContacts) }</th>
                            <th scope="col">{ t(lang, Key::PseAssets) }</th>
                            if is_admin { <th scope="col"><span class="visually-hidden">{ t(lang, Key::UsersActions) }</span></th> }
                        </tr>
                    </thead>
                    <tbody>
                        { for items.iter().map(|p| {
                            let edit = { let on_edit = on_edit.clone(); let p = p.clone(); Callback::from(move |_: MouseEvent| on_edit.emit(p.clone())) };
                            let delete = { let on_delete = on_delete.clone(); let p = p.clone(); Callback::from(move |_: MouseEvent| on_delete.emit(p.clone())) };
                            html! {
                                <tr id={format!("pse-row-{}", p.id)}>
                                    <td><strong>{ p.name.clone() }</strong>
                                        if let Some(a) = &p.address { <span class="cell-sub">{ a.clone() }</span> }
                                    </td>
                                    <td>{ p.head_name.clone() }<span class="cell-sub">{ p.head_title.clone() }</span></td>
                                    <td class="cell-email">
                                        { p.emails.join(", ") }
                                        if let Some(ph) = &p.phone { <span class="cell-sub">{ ph.clone() }</span> }
                                    </td>
                                    <td>
                                        <ul class="rule-list">
                                            { for p.assets.iter().map(|r| html! {
                                                <li><span class="rule-kind">{ t(lang, kind_key(r.kind)) }</span>{ " " }<code>{ r.value.clone() }</code></li>
                                            }) }
                                        </ul>
                                    </td>
                                    if is_admin {
                                        <td class="cell-actions">
                                            <button type="button" class="btn btn-secondary btn-small" id={format!("pse-edit-{}", p.id)}
                                                aria-label={format!("{} {}", t(lang, Key::Edit), p.name)} onclick={edit}>{ t(lang, Key::Edit) }</button>
                                            <button type="button" class="btn btn-danger btn-small" id={format!("pse-delete-{}", p.id)}
                                                aria-label={format!("{} {}", t(lang, Key::Delete), p.name)} onclick={delete}>{ t(lang, Key::Delete) }</button>
                                        </td>
                                    }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        },
    };

    html! {
        <div class="container page">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                    <h1>{ t(lang, Key::PsesTitle) }</h1>
                    <p class="lead">{ t(lang, Key::PsesLead) }</p>
                </div>
                if is_admin && editing.is_none() {
                    <button type="button" id="pse-new" class="btn btn-primary" onclick={on_new}>{ t(lang, Key::PseAdd) }</button>
                }
            </div>
            <StaffNav session={props.session.clone()} />
            if let Some(n) = &*notice {
                <div class="alert alert-success" role="status" id="pses-notice">{ n.clone() }</div>
            }
            if let Some(e) = &*action_error {
                { error_box(e, lang, "pses-action-error") }
            }
            if let Some(current) = &*editing {
                <PseForm token={token.clone()} pse={current.clone()} on_saved={on_saved} on_cancel={on_cancel} />
            }
            <section class="panel" aria-labelledby="pses-list-title">
                <h2 id="pses-list-title">{ t(lang, Key::PsesListTitle) }</h2>
                { table }
            </section>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    token: String,
    /// `None`: a new PSE.
    pse: Option<Pse>,
    on_saved: Callback<String>,
    on_cancel: Callback<()>,
}

#[derive(Clone, PartialEq)]
struct Rule {
    kind: String,
    value: String,
}

#[function_component(PseForm)]
fn pse_form(props: &FormProps) -> Html {
    let lang = use_lang();
    let p = props.pse.clone();
    let name = use_state(|| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let head_name = use_state(|| p.as_ref().map(|p| p.head_name.clone()).unwrap_or_default());
    let head_title = use_state(|| p.as_ref().map(|p| p.head_title.clone()).unwrap_or_default());
    let emails = use_state(|| p.as_ref().map(|p| p.emails.join("\n")).unwrap_or_default());
    let phone = use_state(|| p.as_ref().and_then(|p| p.phone.clone()).unwrap_or_default());
    let address = use_state(|| p.as_ref().and_then(|p| p.address.clone()).unwrap_or_default());
    let place = use_state(|| p.as_ref().and_then(|p| p.place.clone()).unwrap_or_default());
    let rules = use_state(|| {
        p.as_ref()
            .map(|p| {
                p.assets
                    .iter()
                    .map(|r| Rule {
                        kind: RULE_KINDS
                            .iter()
                            .find(|(k, _, _)| *k == r.kind)
                            .map_or("exact_host", |(_, c, _)| *c)
                            .to_string(),
                        value: r.value.clone(),
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let errors = use_state(Vec::<FieldError>::new);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);

    let onsubmit = {
        let (name, head_name, head_title, emails, phone, address, rules) = (
            name.clone(),
            head_name.clone(),
            head_title.clone(),
            emails.clone(),
            phone.clone(),
            address.clone(),
            rules.clone(),
        );
        let place = place.clone();
        let (errors, error, busy) = (errors.clone(), error.clone(), busy.clone());
        let (token, id, on_saved) = (props.token.clone(), props.pse.as_ref().map(|p| p.id), props.on_saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
            let body = PseInput {
                name: name.trim().to_string(),
                head_name: head_name.trim().to_string(),
                head_title: head_title.trim().to_string(),
                emails: emails
                    .split([',', '\n', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
                phone: opt(&phone),
                address: opt(&address),
                place: opt(&place),
                assets: rules
                    .iter()
                    .filter(|r| !r.value.trim().is_empty())
                    .map(|r| AssetRule {
                        kind: RULE_KINDS
                            .iter()
                            .find(|(_, c, _)| *c == r.kind)
                            .map_or(AssetRuleKind::ExactHost, |(k, _, _)| *k),
                        value: r.value.trim().to_string(),
                    })
                    .collect(),
            };
            let (errors, error, busy, token, on_saved) =
                (errors.clone(), error.clone(), busy.clone(), token.clone(), on_saved.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = match id {
                    Some(id) => {
                        api::request::<_, Pse>(Method::PUT, &format!("/pses/{id}"), Some(&body), Some(&token), lang)
                            .await
                    }
                    None => api::request::<_, Pse>(Method::POST, "/pses", Some(&body), Some(&token), lang).await,
                };
                busy.set(false);
                match result {
                    Ok(p) => on_saved.emit(p.name),
                    Err(e) => {
                        errors.set(e.field_errors().to_vec());
                        error.set(Some(e));
                        util::sleep(0).await;
                        util::focus("pse-form-error");
                    }
                }
            });
        })
    };

    let text_field = |id: &'static str,
                      field: &'static str,
                      label: Key,
                      state: &UseStateHandle<String>,
                      optional: bool| {
        let err = field_error(&errors, field);
        html! {
            <div class={classes!("field", err.is_some().then_some("field-invalid"))}>
                <label for={id}>
                    { t(lang, label) }
                    if optional { <span class="optional">{ format!(" ({})", t(lang, Key::Optional)) }</span> }
                </label>
                <input {id} type="text" value={(**state).clone()} oninput={set_text::<InputEvent>(state)}
                    aria-invalid={err.is_some().then_some("true")} aria-describedby={err.is_some().then(|| format!("{id}-error"))} />
                if let Some(e) = err { <p class="field-error" id={format!("{id}-error")}>{ e }</p> }
            </div>
        }
    };

    let rule_rows = rules.iter().enumerate().map(|(i, r)| {
        let set_kind = {
            let rules = rules.clone();
            Callback::from(move |e: Event| {
                let mut next = (*rules).clone();
                if let Some(r) = next.get_mut(i) {
                    r.kind = event_value(&e);
                }
                rules.set(next);
            })
        };
        let set_value = {
            let rules = rules.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = (*rules).clone();
                if let Some(r) = next.get_mut(i) {
                    r.value = event_value(&e);
                }
                rules.set(next);
            })
        };
        let remove = {
            let rules = rules.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*rules).clone();
                if i < next.len() {
                    next.remove(i);
                }
                rules.set(next);
            })
        };
        let err = errors
            .iter()
            .find(|e| e.field.starts_with(&format!("assets[{i}]")) || e.field.starts_with(&format!("assets.{i}")))
            .map(|e| e.message.clone());
        let kind_id = format!("pse-rule-kind-{i}");
        let value_id = format!("pse-rule-value-{i}");
        html! {
            <li class={classes!("rule-row", err.is_some().then_some("field-invalid"))}>
                <div class="field">
                    <label for={kind_id.clone()}>{ t(lang, Key::RuleKind) }</label>
                    <select id={kind_id} onchange={set_kind}>
                        { for RULE_KINDS.iter().map(|(_, code, k)| html! {
                            <option value={*code} selected={r.kind == *code}>{ t(lang, *k) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for={value_id.clone()}>{ t(lang, Key::RuleValue) }</label>
                    <input id={value_id.clone()} type="text" value={r.value.clone()} oninput={set_value}
                        placeholder={rule_placeholder(&r.kind)} aria-invalid={err.is_some().then_some("true")}
                        aria-describedby={err.is_some().then(|| format!("{value_id}-error"))} />
                </div>
                <button type="button" class="btn btn-danger btn-small" id={format!("pse-rule-remove-{i}")}
                    aria-label={format!("{} {}", t(lang, Key::Remove), i + 1)} onclick={remove}>{ t(lang, Key::Remove) }</button>
                if let Some(e) = err { <p class="field-error" id={format!("{value_id}-error")}>{ e }</p> }
            </li>
        }
    });
    let add_rule = {
        let rules = rules.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rules).clone();
            next.push(Rule { kind: "exact_host".into(), value: String::new() });
            let i = next.len() - 1;
            rules.set(next);
            wasm_bindgen_futures::spawn_local(async move {
                util::sleep(0).await;
                util::focus(&format!("pse-rule-value-{i}"));
            });
        })
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let emails_err = field_error(&errors, "emails");
    let assets_err = errors.iter().find(|e| e.field == "assets").map(|e| e.message.clone());
    let title = if props.pse.is_some() { Key::PseEdit } else { Key::PseAdd };

    html! {
        <section class="panel" aria-labelledby="pse-form-title">
            <h2 id="pse-form-title">{ t(lang, title) }</h2>
            <form id="pse-form" class="form" novalidate=true {onsubmit}>
                if let Some(e) = &*error {
                    { error_box(e, lang, "pse-form-error") }
                }
                { text_field("pse-name", "name", Key::PseName, &name, false) }
                <div class="field-row">
                    { text_field("pse-head-name", "head_name", Key::PseHeadName, &head_name, false) }
                    { text_field("pse-head-title", "head_title", Key::PseHeadTitle, &head_title, false) }
                </div>
                <div class={classes!("field", emails_err.is_some().then_some("field-invalid"))}>
                    <label for="pse-emails">{ t(lang, Key::PseEmails) }</label>
                    <p class="field-hint" id="pse-emails-hint">{ t(lang, Key::PseEmailsHint) }</p>
                    <textarea id="pse-emails" rows="2" value={(*emails).clone()} oninput={set_text::<InputEvent>(&emails)}
                        aria-invalid={emails_err.is_some().then_some("true")}
                        aria-describedby={if emails_err.is_some() { "pse-emails-hint pse-emails-error" } else { "pse-emails-hint" }} />
                    if let Some(e) = emails_err { <p class="field-error" id="pse-emails-error">{ e }</p> }
                </div>
                <div class="field-row">
                    { text_field("pse-phone", "phone", Key::FieldPhone, &phone, true) }
                    { text_field("pse-address", "address", Key::PseAddress, &address, true) }
                </div>
                <div class="field-row">
                    { text_field("pse-place", "place", Key::PsePlace, &place, true) }
                </div>
                <fieldset class="form-section rules-editor" aria-describedby="pse-rules-hint">
                    <legend>{ t(lang, Key::PseAssets) }</legend>
                    <p class="field-hint" id="pse-rules-hint">{ t(lang, Key::PseRulesHint) }</p>
                    <ul class="rule-rows" id="pse-rules">{ for rule_rows }</ul>
                    if let Some(e) = assets_err { <p class="field-error">{ e }</p> }
                    <p><button type="button" id="pse-rule-add" class="btn btn-secondary btn-small" onclick={add_rule}>{ t(lang, Key::RuleAdd) }</button></p>
                </fieldset>
                <div class="form-actions">
                    <button type="submit" id="pse-submit" class="btn btn-primary" disabled={*busy}>{ t(lang, Key::Save) }</button>
                    <button type="button" id="pse-cancel" class="btn btn-secondary" onclick={cancel}>{ t(lang, Key::Cancel) }</button>
                </div>
            </form>
        </section>
    }
}

fn rule_placeholder(kind: &str) -> &'static str {
    match kind {
        "domain_suffix" => "*.kukarkab.go.id",
        "cidr" => "103.10.20.0/24",
        "app_name" => "SIMPEG",
        _ => "disdik.kukarkab.go.id",
    }
}
