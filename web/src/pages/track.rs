//! Lacak Laporan: follow a report with its ticket code and access key (arrives in a later issue).

use yew::prelude::*;

use crate::components::placeholder::Placeholder;
use crate::i18n::Key;

#[function_component(Track)]
pub fn track() -> Html {
    html! { <Placeholder title={Key::TrackTitle} lead={Key::TrackLead} /> }
}
