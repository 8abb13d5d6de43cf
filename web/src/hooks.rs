//! Hooks shared by the public pages.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::dto::reports::SiteInfo;
use yew::prelude::*;

use crate::api;
use crate::state::use_lang;

thread_local! {
    /// `/site` changes only with the deployment's configuration: one fetch per page load.
    static SITE: RefCell<Option<Rc<SiteInfo>>> = const { RefCell::new(None) };
}

/// This deployment's public facts (`GET /api/v1/site`); `None` until they arrive (or if they
/// cannot be had: the pages then fall back to their own defaults).
#[hook]
pub fn use_site() -> Option<Rc<SiteInfo>> {
    let lang = use_lang();
    let site = use_state(|| SITE.with(|s| s.borrow().clone()));
    {
        let site = site.clone();
        use_effect_with((), move |_| {
            if site.is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(info) = api::request_empty::<SiteInfo>(Method::GET, "/site", None, lang).await {
                        let info = Rc::new(info);
                        SITE.with(|s| *s.borrow_mut() = Some(info.clone()));
                        site.set(Some(info));
                    }
                });
            }
        });
    }
    (*site).clone()
}
