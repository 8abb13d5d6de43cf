//! Hooks shared by the pages: `/site`, and files shown through `blob:` URLs.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::dto::reports::SiteInfo;
use yew::prelude::*;

use crate::api::{self, ApiError};
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

/// A file the API serves behind the bearer token, fetched into a `blob:` URL for an `<iframe>` or
/// an `<img>`: `None` while it loads (or when `path` is `None`). A new `path` or `version` fetches
/// it again (a refreshed token does not: the file shown stays); the old URL is revoked then, and
/// when the component goes away.
#[hook]
pub fn use_object_url(
    path: Option<String>,
    token: Option<String>,
    version: u32,
) -> Option<Result<AttrValue, ApiError>> {
    let lang = use_lang();
    let state = use_state(|| None::<Result<AttrValue, ApiError>>);
    let current_token = use_mut_ref(|| None::<String>);
    *current_token.borrow_mut() = token;
    {
        let state = state.clone();
        use_effect_with((path, version), move |(path, _)| {
            let alive = Rc::new(Cell::new(true));
            let made = Rc::new(RefCell::new(None::<String>));
            state.set(None);
            if let Some(path) = path.clone() {
                let token = current_token.borrow().clone();
                let (alive, made) = (alive.clone(), made.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let result = api::object_url(&path, token.as_deref(), lang).await;
                    if !alive.get() {
                        if let Ok(url) = &result {
                            api::revoke_object_url(url);
                        }
                        return;
                    }
                    match result {
                        Ok(url) => {
                            *made.borrow_mut() = Some(url.clone());
                            state.set(Some(Ok(AttrValue::from(url))));
                        }
                        Err(e) => state.set(Some(Err(e))),
                    }
                });
            }
            move || {
                alive.set(false);
                if let Some(url) = made.borrow_mut().take() {
                    api::revoke_object_url(&url);
                }
            }
        });
    }
    (*state).clone()
}
