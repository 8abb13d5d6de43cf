//! The frame of a page whose feature arrives later: a title, what the page will do, and a way on.

use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::i18n::{Key, t, tn};
use crate::route::Route;
use crate::state::use_lang;

#[derive(Properties, PartialEq)]
pub struct PlaceholderProps {
    pub title: Key,
    pub lead: Key,
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Placeholder)]
pub fn placeholder(props: &PlaceholderProps) -> Html {
    let lang = use_lang();
    html! {
        <div class="container page">
            <h1>{ t(lang, props.title) }</h1>
            <p class="lead">{ t(lang, props.lead) }</p>
            { props.children.clone() }
            <div class="panel panel-notice" role="status">
                <span class="badge">{ t(lang, Key::ComingSoonBadge) }</span>
                <p>{ tn(lang, Key::ComingSoonText) }</p>
                <p class="panel-actions">
                    <NavLink to={Route::Home} class="btn btn-secondary">{ t(lang, Key::BackHome) }</NavLink>
                </p>
            </div>
        </div>
    }
}
