//! Helpers the public pages and the staff area share: reading form controls, labels in the UI
//! language, and showing an API error.

use ttis_shared::Lang;
use ttis_shared::dto::problem::FieldError;
use ttis_shared::dto::reports::Label;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::api::ApiError;

/// The value of the control an event came from (input, textarea or select).
pub fn event_value<E: AsRef<web_sys::Event>>(e: &E) -> String {
    let Some(target) = e.as_ref().target() else {
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

/// A callback that stores the control's value in `state`.
pub fn set_text<E: AsRef<web_sys::Event> + 'static>(state: &UseStateHandle<String>) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |e: E| state.set(event_value(&e)))
}

pub fn label_text(label: &Label, lang: Lang) -> String {
    match lang {
        Lang::Id => label.id.clone(),
        Lang::En => label.en.clone(),
    }
}

/// An error message box.
pub fn error_box(err: &ApiError, lang: Lang, id: &'static str) -> Html {
    html! { <div class="alert alert-error" role="alert" {id} tabindex="-1">{ err.message(lang) }</div> }
}

/// The server's message for a field path (exact, or ending in `.{field}`).
pub fn field_error(errors: &[FieldError], field: &str) -> Option<String> {
    errors.iter().find(|e| e.field == field || e.field.ends_with(&format!(".{field}"))).map(|e| e.message.clone())
}
