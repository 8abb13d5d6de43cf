//! Application state shared through context: the UI language and, in the staff build, the staff
//! session (`state/auth.rs`).

use std::rc::Rc;

use ttis_shared::Lang;
use yew::prelude::*;

#[cfg(feature = "staff")]
mod auth;
#[cfg(feature = "staff")]
pub use auth::*;

/// Where the chosen language is remembered (the language is not a secret).
pub const LANG_STORAGE_KEY: &str = "ttis-lang";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn stored_lang() -> Lang {
    match local_storage().and_then(|s| s.get_item(LANG_STORAGE_KEY).ok().flatten()).as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Id,
    }
}

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LangState {
    pub lang: Lang,
}

pub enum LangAction {
    Toggle,
}

impl Reducible for LangState {
    type Action = LangAction;

    fn reduce(self: Rc<Self>, action: LangAction) -> Rc<Self> {
        match action {
            LangAction::Toggle => Rc::new(LangState {
                lang: match self.lang {
                    Lang::Id => Lang::En,
                    Lang::En => Lang::Id,
                },
            }),
        }
    }
}

pub type LangContext = UseReducerHandle<LangState>;

/// The current UI language (Indonesian outside a provider).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<LangContext>().map(|c| c.lang).unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct ProviderProps {
    pub children: Html,
}

/// Provides the language; remembers it in `localStorage` and mirrors it on `<html lang>` (the
/// title follows the route and the language, in `app.rs`).
#[function_component(LangProvider)]
pub fn lang_provider(props: &ProviderProps) -> Html {
    let state = use_reducer(|| LangState { lang: stored_lang() });
    let lang = state.lang;
    use_effect_with(lang, |lang| {
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(LANG_STORAGE_KEY, lang.code());
        }
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = html.set_attribute("lang", lang.code());
        }
    });
    html! {
        <ContextProvider<LangContext> context={state}>
            { props.children.clone() }
        </ContextProvider<LangContext>>
    }
}
