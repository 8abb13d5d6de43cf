//! The first admin's setup checklist (`GET /setup-checklist`): what is still a default (the
//! heads' signer profiles, the padlock logo, the seeded address and phone, an empty PSE register,
//! mail into a local folder, the second-factor policy off), each with a link to the page that
//! sets it. The server reads every item from where its setting lives; once all are done the
//! checklist hides itself.

use ttis_shared::dto::setup::{SetupChecklist, SetupItem, SetupItemKey};
use yew::prelude::*;

use crate::api;
use crate::components::nav_link::NavLink;
use crate::hooks::{Fetch, use_fetch};
use crate::i18n::{Key, t};
use crate::route::Route;
use crate::state::use_lang;

/// An item's title, what to do, and the page that does it (mail is the server's configuration).
fn item_text(key: SetupItemKey) -> (Key, Key, Option<Route>) {
    match key {
        SetupItemKey::SignerProfiles => (Key::SetupSigners, Key::SetupSignersHint, Some(Route::Users)),
        SetupItemKey::Logo => (Key::SetupLogo, Key::SetupLogoHint, Some(Route::Organization)),
        SetupItemKey::Contact => (Key::SetupContact, Key::SetupContactHint, Some(Route::Organization)),
        SetupItemKey::PseRegister => (Key::SetupPses, Key::SetupPsesHint, Some(Route::Pses)),
        SetupItemKey::Mail => (Key::SetupMail, Key::SetupMailHint, None),
        SetupItemKey::SecondFactor => (Key::SetupSecondFactor, Key::SetupSecondFactorHint, Some(Route::Security)),
    }
}

#[derive(Properties, PartialEq)]
pub struct SetupChecklistProps {
    pub token: AttrValue,
}

#[function_component(SetupChecklistPanel)]
pub fn setup_checklist_panel(props: &SetupChecklistProps) -> Html {
    let lang = use_lang();
    let token = props.token.clone();
    let list =
        use_fetch(
            (),
            move |()| async move { api::get::<SetupChecklist>("/setup-checklist", Some(&token), lang).await },
        );
    let list = match list.state() {
        Fetch::Loading => {
            return html! { <p class="loading" role="status" id="setup-checklist-loading">{ t(lang, Key::Loading) }</p> };
        }
        Fetch::Failed(e) => return html! { <div class="alert alert-error" role="alert">{ e.message(lang) }</div> },
        // Everything set up: nothing to show.
        Fetch::Ready(l) if l.complete => return Html::default(),
        Fetch::Ready(l) => l.clone(),
    };
    let open = list.items.iter().filter(|i| !i.done).count();
    let row = |item: &SetupItem| {
        let (title, hint, route) = item_text(item.key);
        let id = format!("setup-{}", serde_key(item.key));
        let status = if item.done { Key::SetupDone } else { Key::SetupTodo };
        html! {
            <li id={id.clone()} class={classes!("setup-item", if item.done { "setup-done" } else { "setup-todo" })}>
                <span class={classes!("status", if item.done { "status-on" } else { "status-off" })}>{ t(lang, status) }</span>
                <div class="setup-item-body">
                    <p class="setup-item-title">
                        { match (item.done, route) {
                            (false, Some(route)) => html! {
                                <NavLink to={route} id={format!("{id}-link")}>{ t(lang, title) }</NavLink>
                            },
                            _ => html! { t(lang, title) },
                        } }
                    </p>
                    if !item.done {
                        <p class="field-hint">{ t(lang, hint) }</p>
                        if !item.pending.is_empty() {
                            <ul class="setup-pending">
                                { for item.pending.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
                            </ul>
                        }
                    }
                </div>
            </li>
        }
    };
    html! {
        <section class="panel setup-checklist" id="setup-checklist" aria-labelledby="setup-title">
            <h2 id="setup-title">{ t(lang, Key::SetupTitle) }</h2>
            <p class="field-hint">{ t(lang, Key::SetupLead).replace("{n}", &open.to_string()) }</p>
            <ul class="setup-items">{ for list.items.iter().map(row) }</ul>
        </section>
    }
}

/// The key as the API spells it, for element ids.
fn serde_key(key: SetupItemKey) -> &'static str {
    match key {
        SetupItemKey::SignerProfiles => "signer-profiles",
        SetupItemKey::Logo => "logo",
        SetupItemKey::Contact => "contact",
        SetupItemKey::PseRegister => "pse-register",
        SetupItemKey::Mail => "mail",
        SetupItemKey::SecondFactor => "second-factor",
    }
}
