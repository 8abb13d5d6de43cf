//! Staff accounts: creation, changes, password resets, and the first administrator.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use ttis_shared::Role;
use ttis_shared::dto::users::{CreateUserRequest, UpdateUserRequest, User, UserList};
use ttis_shared::validation::normalize_email;

use super::audit::{self, Actor};
use super::{now, passwords};
use crate::config::{RunMode, Settings};
use crate::entities::user;
use crate::error::ApiError;

pub fn to_dto(model: user::Model) -> User {
    User {
        id: model.id,
        roles: Role::split(&model.roles),
        email: model.email,
        name: model.name,
        disabled: model.disabled,
        created_at: model.created_at,
        totp_enabled: model.totp_secret.is_some(),
    }
}

async fn hash_blocking(password: String) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || passwords::hash(&password))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("hash task: {e}")))?
        .map_err(ApiError::Internal)
}

async fn insert_user<C: ConnectionTrait>(
    conn: &C,
    email: &str,
    name: &str,
    roles: &[Role],
    password_hash: String,
) -> Result<user::Model, ApiError> {
    let exists = user::Entity::find().filter(user::Column::Email.eq(email)).count(conn).await? > 0;
    if exists {
        return Err(ApiError::EmailTaken);
    }
    let at = now();
    let model = user::ActiveModel {
        email: Set(email.to_string()),
        name: Set(name.trim().to_string()),
        password_hash: Set(password_hash),
        roles: Set(Role::join(roles)),
        disabled: Set(false),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => ApiError::EmailTaken,
        _ => ApiError::from(e),
    })?;
    Ok(model)
}

pub async fn create(db: &DatabaseConnection, actor: &Actor, req: CreateUserRequest) -> Result<User, ApiError> {
    let email = normalize_email(&req.email);
    let hash = hash_blocking(req.password).await?;
    let txn = db.begin().await?;
    let model = insert_user(&txn, &email, &req.name, &req.roles, hash).await?;
    audit::record(
        &txn,
        actor,
        "user.create",
        Some(format!("user:{}", model.id)),
        json!({"email": model.email, "roles": model.roles}),
    )
    .await?;
    txn.commit().await?;
    Ok(to_dto(model))
}

pub async fn list(db: &DatabaseConnection) -> Result<UserList, ApiError> {
    let models = user::Entity::find().order_by_asc(user::Column::Id).all(db).await?;
    let total = models.len() as u64;
    Ok(UserList { items: models.into_iter().map(to_dto).collect(), total })
}

pub async fn get(db: &DatabaseConnection, id: i64) -> Result<User, ApiError> {
    user::Entity::find_by_id(id).one(db).await?.map(to_dto).ok_or(ApiError::NotFound)
}

/// Whether some enabled administrator other than `except` exists.
async fn another_active_admin<C: ConnectionTrait>(conn: &C, except: i64) -> Result<bool, ApiError> {
    let admins = user::Entity::find()
        .filter(user::Column::Disabled.eq(false))
        .filter(user::Column::Id.ne(except))
        .filter(user::Column::Roles.contains("admin"))
        .all(conn)
        .await?;
    Ok(admins.iter().any(|u| Role::split(&u.roles).contains(&Role::Admin)))
}

pub async fn update(db: &DatabaseConnection, actor: &Actor, id: i64, req: UpdateUserRequest) -> Result<User, ApiError> {
    let txn = db.begin().await?;
    let current = user::Entity::find_by_id(id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let was_admin = Role::split(&current.roles).contains(&Role::Admin) && !current.disabled;
    let will_be_admin = req.roles.as_ref().map(|r| r.contains(&Role::Admin)).unwrap_or(was_admin)
        && !req.disabled.unwrap_or(current.disabled);
    if was_admin && !will_be_admin && !another_active_admin(&txn, id).await? {
        return Err(ApiError::LastAdmin);
    }
    let disabling = req.disabled == Some(true) && !current.disabled;
    let mut changes = serde_json::Map::new();
    let mut active = current.into_active_model();
    if let Some(name) = &req.name {
        active.name = Set(name.trim().to_string());
        changes.insert("name".into(), json!(name.trim()));
    }
    if let Some(roles) = &req.roles {
        active.roles = Set(Role::join(roles));
        changes.insert("roles".into(), json!(Role::join(roles)));
    }
    if let Some(disabled) = req.disabled {
        active.disabled = Set(disabled);
        changes.insert("disabled".into(), json!(disabled));
    }
    active.updated_at = Set(now());
    let model = active.update(&txn).await?;
    if disabling {
        revoke_all_sessions(&txn, id).await?;
    }
    audit::record(&txn, actor, "user.update", Some(format!("user:{id}")), serde_json::Value::Object(changes)).await?;
    txn.commit().await?;
    Ok(to_dto(model))
}

pub async fn reset_password(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    new_password: String,
) -> Result<(), ApiError> {
    let hash = hash_blocking(new_password).await?;
    let txn = db.begin().await?;
    let current = user::Entity::find_by_id(id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let mut active = current.into_active_model();
    active.password_hash = Set(hash);
    active.updated_at = Set(now());
    active.update(&txn).await?;
    let ended = revoke_all_sessions(&txn, id).await?;
    audit::record(&txn, actor, "user.reset_password", Some(format!("user:{id}")), json!({"sessions_ended": ended}))
        .await?;
    txn.commit().await?;
    Ok(())
}

/// What [`ensure_bootstrap_admin`] did.
#[derive(Debug)]
pub enum Bootstrap {
    /// Accounts exist already; nothing was done.
    Existing,
    /// The first administrator was created with the configured password.
    Created { email: String },
    /// The first administrator was created with a generated password, to be shown once.
    Generated { email: String, password: String },
}

pub const DEFAULT_ADMIN_EMAIL: &str = "admin@ttis.local";

/// Creates the first administrator when there are no accounts at all.
pub async fn ensure_bootstrap_admin(db: &DatabaseConnection, settings: &Settings) -> anyhow::Result<Bootstrap> {
    if user::Entity::find().count(db).await? > 0 {
        return Ok(Bootstrap::Existing);
    }
    let email = normalize_email(settings.bootstrap_admin_email.as_deref().unwrap_or(DEFAULT_ADMIN_EMAIL));
    ttis_shared::validation::email(&email)
        .map_err(|v| anyhow::anyhow!("TTIS_BOOTSTRAP_ADMIN_EMAIL: {}", v.message(ttis_shared::Lang::En)))?;
    let (password, generated) = match &settings.bootstrap_admin_password {
        Some(p) => (p.expose().clone(), false),
        None if settings.mode == RunMode::Production => anyhow::bail!(
            "there are no accounts yet: set TTIS_BOOTSTRAP_ADMIN_EMAIL and TTIS_BOOTSTRAP_ADMIN_PASSWORD for the first administrator"
        ),
        None => (super::crypto::random_hex(12), true),
    };
    ttis_shared::validation::password(&password)
        .and_then(|()| {
            if !generated && ttis_shared::common_passwords::is_common(&password) {
                Err(ttis_shared::validation::Violation::CommonPassword)
            } else {
                Ok(())
            }
        })
        .map_err(|v| anyhow::anyhow!("TTIS_BOOTSTRAP_ADMIN_PASSWORD: {}", v.message(ttis_shared::Lang::En)))?;
    let hash = passwords::hash(&password)?;
    let txn = db.begin().await?;
    let model = insert_user(&txn, &email, "Administrator", &[Role::Admin], hash)
        .await
        .map_err(|e| anyhow::anyhow!("creating the first administrator: {e}"))?;
    audit::record(
        &txn,
        &Actor::system(),
        "user.bootstrap_admin",
        Some(format!("user:{}", model.id)),
        json!({"email": email}),
    )
    .await?;
    txn.commit().await?;
    Ok(if generated { Bootstrap::Generated { email, password } } else { Bootstrap::Created { email } })
}

/// Active analysts and heads, by name.
pub async fn team(db: &DatabaseConnection) -> Result<Vec<ttis_shared::dto::tickets::UserRef>, ApiError> {
    let models =
        user::Entity::find().filter(user::Column::Disabled.eq(false)).order_by_asc(user::Column::Name).all(db).await?;
    Ok(models
        .into_iter()
        .filter(|u| {
            let roles = Role::split(&u.roles);
            roles.contains(&Role::Analyst) || roles.contains(&Role::Head)
        })
        .map(|u| ttis_shared::dto::tickets::UserRef { id: u.id, name: u.name })
        .collect())
}

/// Ends every live session of a user (disabling, password reset).
pub async fn revoke_all_sessions<C: sea_orm::ConnectionTrait>(conn: &C, user_id: i64) -> Result<u64, ApiError> {
    let result = crate::entities::session::Entity::update_many()
        .col_expr(crate::entities::session::Column::RevokedAt, sea_orm::sea_query::Expr::value(super::now()))
        .filter(crate::entities::session::Column::UserId.eq(user_id))
        .filter(crate::entities::session::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}
