//! Any path the SPA does not know.

use yew::prelude::*;

use crate::app::Route;
use crate::components::nav_link::NavLink;
use crate::i18n::{Key, t};
use crate::state::use_lang;

#[function_component(NotFound)]
pub fn not_found() -> Html {
    let lang = use_lang();
    html! {
        <div class="container page narrow">
            <p class="eyebrow">{ t(lang, Key::NotFoundCode) }</p>
            <h1>{ t(lang, Key::NotFoundTitle) }</h1>
            <p class="lead">{ t(lang, Key::NotFoundText) }</p>
            <p class="panel-actions">
                <NavLink to={Route::Home} class="btn btn-primary">{ t(lang, Key::BackHome) }</NavLink>
                <NavLink to={Route::Report} class="btn btn-secondary">{ t(lang, Key::ReportCta) }</NavLink>
            </p>
        </div>
    }
}
