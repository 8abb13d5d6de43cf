use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use ttis_shared::dto::auth::{LoginRequest, TokenResponse};
use ttis_shared::dto::users::User;

use crate::error::ApiError;
use crate::extract::ValidJson;
use crate::services::auth::{self, AuthUser, ClientInfo, Issued};
use crate::state::AppState;

pub const REFRESH_COOKIE: &str = "ttis_refresh";
const REFRESH_COOKIE_PATH: &str = "/api/v1/auth";

fn refresh_cookie(state: &AppState, value: String, max_age_secs: i64) -> Cookie<'static> {
    Cookie::build(REFRESH_COOKIE, value)
        .path(REFRESH_COOKIE_PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.settings.cookies_secure())
        .max_age(CookieDuration::seconds(max_age_secs))
        .finish()
}

fn token_response(state: &AppState, issued: Issued) -> HttpResponse {
    let mut res = HttpResponse::Ok();
    res.insert_header(("Cache-Control", "no-store"));
    if let Some(value) = issued.refresh_cookie {
        res.cookie(refresh_cookie(state, value, state.settings.refresh_token_ttl.as_secs() as i64));
    }
    res.json(TokenResponse {
        access_token: issued.access_token,
        token_type: "Bearer".into(),
        expires_in: issued.expires_in,
        user: issued.user,
    })
}

/// Sign in.
///
/// Checks the email and password and answers with a short-lived access token (send it as
/// `Authorization: Bearer ...`). The refresh token is set as the HttpOnly cookie `ttis_refresh`
/// (SameSite=Strict, path `/api/v1/auth`). The answer for an unknown email and for a wrong password is
/// the same. Repeated failures for one account or from one address are refused with `429`.
#[utoipa::path(
    tag = "auth",
    operation_id = "create_session",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in; the refresh cookie is set", body = TokenResponse),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 422, response = crate::openapi::UnprocessableEntity),
        (status = 429, response = crate::openapi::TooManyRequests),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(())
)]
#[post("/auth/login")]
pub async fn create_session(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: ValidJson<LoginRequest>,
) -> Result<HttpResponse, actix_web::Error> {
    let login = body.into_inner()?;
    let issued = auth::login(&state, &login.email, &login.password, login.totp.as_deref(), &client).await?;
    Ok(token_response(&state, issued))
}

/// Refresh the access token.
///
/// Uses the `ttis_refresh` cookie (no body) and answers with a new access token; the cookie is
/// rotated. A refresh token that was already used ends its session (theft detection), with one
/// exception for two tabs refreshing at once: presented again within 2 seconds of its rotation,
/// and while the session has not rotated since, it is answered with the same access token and the
/// same new refresh token that its first use was given. It never mints another pair.
#[utoipa::path(
    tag = "auth",
    operation_id = "refresh_session",
    responses(
        (status = 200, description = "A new access token; the refresh cookie is rotated", body = TokenResponse),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(())
)]
#[post("/auth/refresh")]
pub async fn refresh_session(
    state: web::Data<AppState>,
    req: HttpRequest,
    client: ClientInfo,
) -> Result<HttpResponse, ApiError> {
    let cookie = req.cookie(REFRESH_COOKIE).ok_or(ApiError::InvalidRefreshToken)?;
    let issued = auth::refresh(&state, cookie.value(), &client).await?;
    Ok(token_response(&state, issued))
}

/// Sign out.
///
/// Ends the session: its refresh token and every access token issued for it stop working at once.
/// Accepts the bearer token, the refresh cookie, or both; always clears the cookie.
#[utoipa::path(
    tag = "auth",
    operation_id = "delete_session",
    responses(
        (status = 204, description = "Signed out"),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security((), ("bearer_auth" = []))
)]
#[post("/auth/logout")]
pub async fn delete_session(
    state: web::Data<AppState>,
    req: HttpRequest,
    client: ClientInfo,
    user: Option<AuthUser>,
) -> Result<HttpResponse, ApiError> {
    let cookie = req.cookie(REFRESH_COOKIE);
    match (&user, &cookie) {
        (Some(u), _) => auth::logout(&state, &u.session_id, &u.actor(&client)).await?,
        (None, Some(c)) => auth::logout_by_cookie(&state, c.value(), &client).await?,
        (None, None) => return Err(ApiError::Unauthenticated),
    }
    if let (Some(u), Some(c)) = (&user, &cookie) {
        // A cookie from another session of the same browser ends too.
        if !c.value().starts_with(&u.session_id) {
            auth::logout_by_cookie(&state, c.value(), &client).await?;
        }
    }
    let mut removal = refresh_cookie(&state, String::new(), 0);
    removal.make_removal();
    Ok(HttpResponse::NoContent().cookie(removal).finish())
}

/// The signed-in user.
#[utoipa::path(
    tag = "auth",
    operation_id = "get_current_user",
    responses(
        (status = 200, body = User),
        (status = 401, response = crate::openapi::Unauthenticated),
        (status = 500, response = crate::openapi::ServerError),
    ),
    security(("bearer_auth" = []))
)]
#[get("/auth/me")]
pub async fn get_current_user(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    let me = crate::services::users::get(&state.db, user.id).await?;
    Ok(HttpResponse::Ok().json(me))
}
