//! Lapor Insiden Siber: the public report form (arrives in a later issue).

use yew::prelude::*;

use crate::components::placeholder::Placeholder;
use crate::i18n::Key;

#[function_component(Report)]
pub fn report() -> Html {
    html! { <Placeholder title={Key::ReportTitle} lead={Key::ReportLead} /> }
}
