//! The language switch: Bahasa Indonesia <-> English, remembered in `localStorage`.

use ttis_shared::Lang;
use yew::prelude::*;

use crate::i18n::{Key, t};
use crate::state::{LangAction, LangContext, use_lang};

#[function_component(LangSwitch)]
pub fn lang_switch() -> Html {
    let lang = use_lang();
    let ctx = use_context::<LangContext>();
    let other = match lang {
        Lang::Id => Lang::En,
        Lang::En => Lang::Id,
    };
    let onclick = Callback::from(move |_: MouseEvent| {
        if let Some(ctx) = &ctx {
            ctx.dispatch(LangAction::Toggle);
        }
    });
    html! {
        <button
            type="button"
            id="lang-switch"
            class="btn btn-ghost lang-switch"
            aria-label={t(lang, Key::LangSwitchAria)}
            {onclick}
        >
            <span aria-hidden="true" class="lang-switch-icon">{ t(lang, Key::LangSwitchCode) }</span>
            <span lang={other.code()}>{ t(lang, Key::LangSwitchLabel) }</span>
        </button>
    }
}
