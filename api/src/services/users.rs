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
use crate::entities::{user, user_role};
use crate::error::ApiError;

pub fn to_dto(model: user::Model, roles: Vec<Role>) -> User {
    User {
        id: model.id,
        roles,
        email: model.email,
        name: model.name,
        disabled: model.disabled,
        created_at: model.created_at,
        totp_enabled: model.totp_secret.is_some(),
    }
}

/// The roles an account holds, sorted.
pub async fn roles_of<C: ConnectionTrait>(conn: &C, user_id: i64) -> Result<Vec<Role>, ApiError> {
    let mut roles: Vec<Role> = user_role::Entity::find()
        .filter(user_role::Column::UserId.eq(user_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.role)
        .collect();
    roles.sort();
    Ok(roles)
}

/// Whether `asked` differs from the roles the account holds (order and repeats aside): a change
/// of roles needs the admin's step-up.
pub async fn changes_roles<C: ConnectionTrait>(conn: &C, user_id: i64, asked: &[Role]) -> Result<bool, ApiError> {
    let mut asked = asked.to_vec();
    asked.sort();
    asked.dedup();
    Ok(asked != roles_of(conn, user_id).await?)
}

/// Replaces the roles an account holds.
async fn set_roles<C: ConnectionTrait>(conn: &C, user_id: i64, roles: &[Role]) -> Result<(), ApiError> {
    user_role::Entity::delete_many().filter(user_role::Column::UserId.eq(user_id)).exec(conn).await?;
    let mut roles = roles.to_vec();
    roles.sort();
    roles.dedup();
    if !roles.is_empty() {
        user_role::Entity::insert_many(
            roles.into_iter().map(|role| user_role::ActiveModel { user_id: Set(user_id), role: Set(role) }),
        )
        .exec_without_returning(conn)
        .await?;
    }
    Ok(())
}

/// The accounts that hold `role`, enabled ones only, by name.
pub async fn holding<C: ConnectionTrait>(conn: &C, role: Role) -> Result<Vec<user::Model>, ApiError> {
    Ok(user::Entity::find()
        .inner_join(user_role::Entity)
        .filter(user_role::Column::Role.eq(role))
        .filter(user::Column::Disabled.eq(false))
        .order_by_asc(user::Column::Name)
        .all(conn)
        .await?)
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
    set_roles(conn, model.id, roles).await?;
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
        json!({"email": model.email, "roles": Role::join(&req.roles)}),
    )
    .await?;
    txn.commit().await?;
    let roles = roles_of(db, model.id).await?;
    Ok(to_dto(model, roles))
}

pub async fn list(db: &DatabaseConnection) -> Result<UserList, ApiError> {
    let models = user::Entity::find().order_by_asc(user::Column::Id).all(db).await?;
    let mut held: std::collections::HashMap<i64, Vec<Role>> = std::collections::HashMap::new();
    for row in user_role::Entity::find().all(db).await? {
        held.entry(row.user_id).or_default().push(row.role);
    }
    let total = models.len() as u64;
    let items = models
        .into_iter()
        .map(|m| {
            let mut roles = held.remove(&m.id).unwrap_or_default();
            roles.sort();
            to_dto(m, roles)
        })
        .collect();
    Ok(UserList { items, total })
}

pub async fn get(db: &DatabaseConnection, id: i64) -> Result<User, ApiError> {
    let model = user::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let roles = roles_of(db, id).await?;
    Ok(to_dto(model, roles))
}

/// Whether some enabled administrator other than `except` exists.
async fn another_active_admin<C: ConnectionTrait>(conn: &C, except: i64) -> Result<bool, ApiError> {
    Ok(holding(conn, Role::Admin).await?.iter().any(|u| u.id != except))
}

pub async fn update(db: &DatabaseConnection, actor: &Actor, id: i64, req: UpdateUserRequest) -> Result<User, ApiError> {
    let txn = db.begin().await?;
    let current = user::Entity::find_by_id(id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let was_admin = roles_of(&txn, id).await?.contains(&Role::Admin) && !current.disabled;
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
        set_roles(&txn, id, roles).await?;
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
    let roles = roles_of(&txn, id).await?;
    txn.commit().await?;
    Ok(to_dto(model, roles))
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
    let models = user::Entity::find()
        .filter(user::Column::Disabled.eq(false))
        .filter(
            user::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(user_role::Column::UserId)
                    .from(user_role::Entity)
                    .and_where(user_role::Column::Role.is_in([Role::Analyst, Role::Head]))
                    .to_owned(),
            ),
        )
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?;
    Ok(models.into_iter().map(|u| ttis_shared::dto::tickets::UserRef { id: u.id, name: u.name }).collect())
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
