//! Hooks shared by the pages: loading what a page shows ([`use_fetch`]), `/site`, and files
//! shown through `blob:` URLs.

use std::cell::{Cell, RefCell};
use std::future::Future;
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

/// What a [`use_fetch`] holds: nothing yet, the answer, or why there is none.
#[derive(Debug)]
pub enum Fetch<T> {
    Loading,
    Ready(Rc<T>),
    Failed(ApiError),
}

impl<T> Clone for Fetch<T> {
    fn clone(&self) -> Self {
        match self {
            Fetch::Loading => Fetch::Loading,
            Fetch::Ready(v) => Fetch::Ready(v.clone()),
            Fetch::Failed(e) => Fetch::Failed(e.clone()),
        }
    }
}

impl<T> Fetch<T> {
    /// The answer, once there is one.
    pub fn ready(&self) -> Option<&Rc<T>> {
        match self {
            Fetch::Ready(v) => Some(v),
            _ => None,
        }
    }
}

impl<T> From<Result<T, ApiError>> for Fetch<T> {
    fn from(result: Result<T, ApiError>) -> Self {
        match result {
            Ok(v) => Fetch::Ready(Rc::new(v)),
            Err(e) => Fetch::Failed(e),
        }
    }
}

/// The fetch count: [`UseFetchHandle::reload`] adds one, which runs the fetch again.
#[derive(Default, PartialEq)]
struct Version(u32);

impl Reducible for Version {
    type Action = ();
    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Version(self.0.wrapping_add(1)))
    }
}

/// What [`use_fetch`] returns: the state, whether a request is on its way, and a way to fetch again.
pub struct UseFetchHandle<T> {
    state: UseStateHandle<Fetch<T>>,
    loading: UseStateHandle<bool>,
    version: UseReducerHandle<Version>,
}

impl<T> Clone for UseFetchHandle<T> {
    fn clone(&self) -> Self {
        Self { state: self.state.clone(), loading: self.loading.clone(), version: self.version.clone() }
    }
}

impl<T: 'static> UseFetchHandle<T> {
    /// The last answer (kept while a new request is on its way), or `Loading` before the first.
    pub fn state(&self) -> &Fetch<T> {
        &self.state
    }

    /// The last answer's value, if it was one.
    pub fn data(&self) -> Option<&Rc<T>> {
        self.state.ready()
    }

    /// Whether a request is on its way (the first one or a later one).
    pub fn loading(&self) -> bool {
        *self.loading
    }

    /// Fetches again, with the same dependencies; what is shown stays until the answer arrives.
    pub fn reload(&self) {
        self.version.dispatch(());
    }

    /// How many times [`Self::reload`] was called: a child that shows part of the answer can
    /// fetch its own part again when it changes.
    pub fn version(&self) -> u32 {
        self.version.0
    }

    /// Forgets the answer (shown as `Loading` until the next one).
    pub fn clear(&self) {
        self.state.set(Fetch::Loading);
    }

    /// [`Self::reload`] as a callback, for a child that changes what was fetched.
    pub fn reloader(&self) -> Callback<()> {
        let version = self.version.dispatcher();
        Callback::from(move |()| version.dispatch(()))
    }

    /// Shows `value` as if it had been fetched (an answer to a save that returns the whole view).
    pub fn set_ready(&self, value: T) {
        self.state.set(Fetch::Ready(Rc::new(value)));
    }
}

/// Runs `fetch(deps)` when the component appears, again whenever `deps` change or
/// [`UseFetchHandle::reload`] is called, and keeps its answer. Only the answer to the latest
/// request is kept: a slower earlier one that arrives after it is dropped.
#[hook]
pub fn use_fetch<T, D, F, Fut>(deps: D, fetch: F) -> UseFetchHandle<T>
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: FnOnce(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    use_fetch_when(true, deps, fetch)
}

/// [`use_fetch`] that fetches only while `enabled` (a page for one role: nothing is asked for the
/// others, and the state stays `Loading`).
#[hook]
pub fn use_fetch_when<T, D, F, Fut>(enabled: bool, deps: D, fetch: F) -> UseFetchHandle<T>
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: FnOnce(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let state = use_state(|| Fetch::Loading);
    let loading = use_state_eq(|| false);
    let version = use_reducer(Version::default);
    let latest = use_mut_ref(|| 0u32);
    {
        let (state, loading) = (state.clone(), loading.clone());
        use_effect_with((deps, enabled, version.0), move |(deps, enabled, _)| {
            if *enabled {
                let this = {
                    let mut latest = latest.borrow_mut();
                    *latest = latest.wrapping_add(1);
                    *latest
                };
                let future = fetch(deps.clone());
                loading.set(true);
                wasm_bindgen_futures::spawn_local(async move {
                    let result = future.await;
                    if *latest.borrow() == this {
                        state.set(result.into());
                        loading.set(false);
                    }
                });
            }
        });
    }
    UseFetchHandle { state, loading, version }
}
