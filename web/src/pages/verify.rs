//! Verifikasi Dokumen: check that a letter or certificate is genuine (arrives in a later issue).

use yew::prelude::*;

use crate::components::placeholder::Placeholder;
use crate::i18n::{Key, t};
use crate::state::use_lang;

#[derive(Properties, PartialEq)]
pub struct VerifyProps {
    /// The document reference from a QR code (`/verify/:id`).
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

#[function_component(Verify)]
pub fn verify(props: &VerifyProps) -> Html {
    let lang = use_lang();
    html! {
        <Placeholder title={Key::VerifyTitle} lead={Key::VerifyLead}>
            if let Some(id) = &props.id {
                <dl class="facts">
                    <dt>{ t(lang, Key::VerifyDocumentId) }</dt>
                    <dd><code id="verify-id">{ id.clone() }</code></dd>
                </dl>
            }
        </Placeholder>
    }
}
