//! Hall of Fame: reporters of valid reports, by their display choice (arrives in a later issue).

use yew::prelude::*;

use crate::components::placeholder::Placeholder;
use crate::i18n::Key;

#[function_component(HallOfFame)]
pub fn hall_of_fame() -> Html {
    html! { <Placeholder title={Key::HallTitle} lead={Key::HallLead} /> }
}
