//! How the reporter appears on the Hall of Fame, changed after submitting.

use gloo_net::http::Method;
use ttis_shared::dto::delivery::{HallOfFameChange, HallOfFameDisplay};
use ttis_shared::dto::reports::HallOfFameChoice;
use ttis_shared::validation;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::i18n::{Key, t};
use crate::pages::common::event_value;
use crate::state::use_lang;
use crate::util;

/// The Hall of Fame choices a reporter can switch between after submitting.
const HOF_CHOICES: [(HallOfFameDisplay, &str, Key); 4] = [
    (HallOfFameDisplay::RealName, "real_name", Key::HofShowRealName),
    (HallOfFameDisplay::Alias, "alias", Key::HofShowAlias),
    (HallOfFameDisplay::Anonymous, "anonymous", Key::HofShowAnonymous),
    (HallOfFameDisplay::Hidden, "hidden", Key::HofShowHidden),
];

fn hof_code(choice: HallOfFameDisplay) -> &'static str {
    HOF_CHOICES.iter().find(|(c, _, _)| *c == choice).map_or("anonymous", |(_, code, _)| *code)
}

#[derive(Properties, PartialEq)]
pub(super) struct HofProps {
    pub(super) ticket_code: String,
    pub(super) access_key: String,
    pub(super) current: HallOfFameDisplay,
}

/// The reporter changes how they appear on the Hall of Fame (`POST /reports/hall-of-fame`).
#[function_component(HofForm)]
pub(super) fn hof_form(props: &HofProps) -> Html {
    let lang = use_lang();
    let choice = use_state(|| props.current);
    let alias = use_state(String::new);
    let violation = use_state(|| None::<String>);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let saved = use_state(|| false);
    {
        let choice = choice.clone();
        use_effect_with(props.current, move |current| choice.set(*current));
    }
    let onchange = {
        let (choice, saved, violation) = (choice.clone(), saved.clone(), violation.clone());
        Callback::from(move |e: Event| {
            let value = event_value(&e);
            if let Some((c, _, _)) = HOF_CHOICES.iter().find(|(_, code, _)| *code == value) {
                choice.set(*c);
            }
            saved.set(false);
            violation.set(None);
        })
    };
    let on_alias = {
        let (alias, saved) = (alias.clone(), saved.clone());
        Callback::from(move |e: InputEvent| {
            alias.set(event_value(&e));
            saved.set(false);
        })
    };
    let onsubmit = {
        let (choice, alias, violation, error, busy, saved) =
            (choice.clone(), alias.clone(), violation.clone(), error.clone(), busy.clone(), saved.clone());
        let (code, key) = (props.ticket_code.clone(), props.access_key.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let wants_alias = *choice == HallOfFameDisplay::Alias;
            if wants_alias && let Err(v) = validation::alias(HallOfFameChoice::Alias, Some(&alias)) {
                violation.set(Some(v.message(lang)));
                util::focus("hof-alias");
                return;
            }
            violation.set(None);
            let body = HallOfFameChange {
                ticket_code: code.trim().to_string(),
                access_key: key.trim().to_string(),
                choice: *choice,
                alias: wants_alias.then(|| alias.trim().to_string()),
            };
            let (error, busy, saved) = (error.clone(), busy.clone(), saved.clone());
            busy.set(true);
            saved.set(false);
            wasm_bindgen_futures::spawn_local(async move {
                let result: Result<HallOfFameDisplay, ApiError> =
                    api::request(Method::POST, "/reports/hall-of-fame", Some(&body), None, lang).await;
                busy.set(false);
                match result {
                    Ok(_) => {
                        error.set(None);
                        saved.set(true);
                        util::sleep(0).await;
                        util::focus("hof-saved");
                    }
                    Err(e) => {
                        let alias_refused = e.field_errors().iter().any(|f| f.field == "alias");
                        error.set(Some(e));
                        util::sleep(0).await;
                        util::focus(if alias_refused { "hof-alias" } else { "hof-error" });
                    }
                }
            });
        })
    };
    let alias_err = (*violation).clone().or_else(|| {
        error.as_ref().and_then(|e| e.field_errors().iter().find(|f| f.field == "alias").map(|f| f.message.clone()))
    });
    let current = hof_code(*choice);
    html! {
        <section class="panel hof-choice-panel" id="hof-choice-panel" aria-labelledby="hof-choice-title">
            <h3 id="hof-choice-title">{ t(lang, Key::FieldHallOfFame) }</h3>
            <p class="field-hint">{ t(lang, Key::HofChangeHint) }</p>
            <form class="form hof-form" id="hof-form" novalidate=true {onsubmit}>
                if let Some(err) = error.as_ref().filter(|e| !e.field_errors().iter().any(|f| f.field == "alias")) {
                    <div id="hof-error" class="alert alert-error" role="alert" tabindex="-1">{ err.message(lang) }</div>
                }
                <div class="field">
                    <label for="hof-choice">{ t(lang, Key::HofChoiceLabel) }</label>
                    <select id="hof-choice" {onchange}>
                        { for HOF_CHOICES.iter().map(|(_, code, key)| html! {
                            <option value={*code} selected={current == *code}>{ t(lang, *key) }</option>
                        }) }
                    </select>
                </div>
                if *choice == HallOfFameDisplay::Alias {
                    <div class={classes!("field", alias_err.is_some().then_some("field-invalid"))}>
                        <label for="hof-alias">{ t(lang, Key::FieldAlias) }</label>
                        <p class="field-hint" id="hof-alias-hint">{ t(lang, Key::HofAliasHint) }</p>
                        <input id="hof-alias" type="text" maxlength="60" autocomplete="nickname" value={(*alias).clone()} oninput={on_alias}
                            aria-invalid={alias_err.is_some().then_some("true")}
                            aria-describedby={if alias_err.is_some() { "hof-alias-hint hof-alias-error" } else { "hof-alias-hint" }} />
                        if let Some(err) = alias_err {
                            <p class="field-error" id="hof-alias-error">{ err }</p>
                        }
                    </div>
                }
                <div class="form-actions">
                    <button type="submit" id="hof-save" class="btn btn-secondary" disabled={*busy}>
                        { t(lang, if *busy { Key::Sending } else { Key::Save }) }
                    </button>
                </div>
                if *saved {
                    <div class="alert alert-success" role="status" id="hof-saved" tabindex="-1">{ t(lang, Key::HofSaved) }</div>
                }
            </form>
        </section>
    }
}
