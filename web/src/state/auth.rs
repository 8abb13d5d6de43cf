//! The staff session, shared through context.
//!
//! The access token lives only here, in memory. It is never written to `localStorage` or
//! `sessionStorage`; a reload restores the session from the HttpOnly refresh cookie instead.

use std::rc::Rc;

use gloo_net::http::Method;
use gloo_timers::callback::Timeout;
use ttis_shared::dto::auth::TokenResponse;
use ttis_shared::dto::users::User;
use ttis_shared::{Lang, Role};
use yew::prelude::*;

use super::{ProviderProps, use_lang};
use crate::api::{self, ApiError};

/// A signed-in staff member.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub token: String,
    pub expires_in: u64,
    pub user: User,
}

impl Session {
    pub fn has_role(&self, role: Role) -> bool {
        self.user.roles.contains(&role)
    }
}

/// Whether someone is signed in.
#[derive(Debug, Clone, PartialEq)]
pub enum Auth {
    /// The app has just started and asked the API whether the refresh cookie is still good.
    Checking,
    SignedOut,
    SignedIn(Rc<Session>),
}

impl Auth {
    pub fn session(&self) -> Option<&Rc<Session>> {
        match self {
            Auth::SignedIn(s) => Some(s),
            _ => None,
        }
    }
}

pub enum AuthAction {
    SignedIn(TokenResponse),
    SignedOut,
    /// A staff route answered `totp_enrollment_required`: the security policy wants a second
    /// factor on this account first.
    EnrollmentRequired,
    /// The account now has a second factor.
    Enrolled,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AuthState {
    pub auth: Auth,
    /// Until the account enrols a second factor, only its own account page works: the shell sends
    /// the person there and explains why.
    pub enrollment_required: bool,
}

impl Reducible for AuthState {
    type Action = AuthAction;

    fn reduce(self: Rc<Self>, action: AuthAction) -> Rc<Self> {
        match action {
            AuthAction::SignedIn(tokens) => {
                // A refresh keeps the flag, unless the account has enrolled meanwhile.
                let enrollment_required = self.enrollment_required && !tokens.user.totp_enabled;
                let auth = Auth::SignedIn(Rc::new(Session {
                    token: tokens.access_token,
                    expires_in: tokens.expires_in,
                    user: tokens.user,
                }));
                Rc::new(AuthState { auth, enrollment_required })
            }
            AuthAction::SignedOut => Rc::new(AuthState { auth: Auth::SignedOut, enrollment_required: false }),
            AuthAction::EnrollmentRequired if !self.enrollment_required && self.auth.session().is_some() => {
                Rc::new(AuthState { auth: self.auth.clone(), enrollment_required: true })
            }
            AuthAction::Enrolled if self.enrollment_required => {
                Rc::new(AuthState { auth: self.auth.clone(), enrollment_required: false })
            }
            AuthAction::EnrollmentRequired | AuthAction::Enrolled => self,
        }
    }
}

pub type AuthContext = UseReducerHandle<AuthState>;

/// The session state and its dispatcher. Outside a provider: a signed-out state that ignores actions.
#[hook]
pub fn use_auth() -> AuthContext {
    let fallback = use_reducer(|| AuthState { auth: Auth::SignedOut, enrollment_required: false });
    use_context::<AuthContext>().unwrap_or(fallback)
}

/// Asks for a new access token with the refresh cookie.
pub async fn refresh(lang: Lang) -> Result<TokenResponse, ApiError> {
    api::request_empty(Method::POST, "/auth/refresh", None, lang).await
}

/// Seconds to wait before refreshing: a minute before expiry, or halfway for short-lived tokens.
fn refresh_delay_ms(expires_in: u64) -> u32 {
    let secs = if expires_in > 120 { expires_in - 60 } else { expires_in / 2 };
    let ms = secs.max(5).saturating_mul(1000);
    u32::try_from(ms).unwrap_or(u32::MAX)
}

/// Provides the session: restores it at start from the refresh cookie and keeps it fresh.
#[function_component(AuthProvider)]
pub fn auth_provider(props: &ProviderProps) -> Html {
    let state = use_reducer(|| AuthState { auth: Auth::Checking, enrollment_required: false });
    let lang = use_lang();

    {
        // Any page's call may learn that the account must enrol a second factor first.
        let dispatcher = state.clone();
        use_effect_with((), move |_| {
            api::set_enrollment_listener(Some(Callback::from(move |()| {
                dispatcher.dispatch(AuthAction::EnrollmentRequired);
            })));
            || api::set_enrollment_listener(None)
        });
    }

    {
        let state = state.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match refresh(lang).await {
                    Ok(tokens) => state.dispatch(AuthAction::SignedIn(tokens)),
                    Err(_) => state.dispatch(AuthAction::SignedOut),
                }
            });
        });
    }

    {
        // An administrator or head without a second factor may be held to the security policy:
        // one call to a staff route tells, once per account (a `totp_enrollment_required` answer
        // raises the flag through the listener above; any other answer changes nothing).
        let probe = state
            .auth
            .session()
            .filter(|s| Role::second_factor_required(&s.user.roles) && !s.user.totp_enabled)
            .map(|s| (s.user.id, s.token.clone()));
        let account = probe.as_ref().map(|(id, _)| *id);
        use_effect_with(account, move |_| {
            if let Some((_, token)) = probe {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = api::request_empty::<serde::de::IgnoredAny>(
                        Method::GET,
                        "/security-policy",
                        Some(&token),
                        lang,
                    )
                    .await;
                });
            }
        });
    }

    {
        let dispatcher = state.clone();
        let schedule = state.auth.session().map(|s| (s.token.clone(), s.expires_in));
        use_effect_with(schedule, move |schedule| {
            let timeout = schedule.as_ref().map(|(_, expires_in)| {
                Timeout::new(refresh_delay_ms(*expires_in), move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        match refresh(lang).await {
                            Ok(tokens) => dispatcher.dispatch(AuthAction::SignedIn(tokens)),
                            // Only a refusal ends the session; a network blip keeps it until expiry.
                            Err(ApiError::Problem(p)) if p.status == 401 => dispatcher.dispatch(AuthAction::SignedOut),
                            Err(_) => {}
                        }
                    });
                })
            });
            move || drop(timeout)
        });
    }

    html! {
        <ContextProvider<AuthContext> context={state}>
            { props.children.clone() }
        </ContextProvider<AuthContext>>
    }
}
