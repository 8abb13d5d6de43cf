//! The first admin's setup checklist: what is still a default. Each item is read from where the
//! setting lives (the organisation row, the accounts and their signer profiles, the PSE
//! register, the mail configuration, the security policy), so it is done the moment the setting
//! is made and never needs ticking off.

use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use ttis_shared::Role;
use ttis_shared::dto::setup::{SetupChecklist, SetupItem, SetupItemKey};

use super::{organization, security, signers};
use crate::config::{DEFAULT_ORG_ADDRESS, Settings};
use crate::entities::{pse, user};
use crate::error::ApiError;

pub async fn checklist(db: &DatabaseConnection, settings: &Settings) -> Result<SetupChecklist, ApiError> {
    let org = organization::current(db).await?;
    let heads: Vec<user::Model> = super::users::holding(db, Role::Head).await?;
    let mut incomplete = Vec::new();
    for head in &heads {
        if !signers::get(db, head.id).await?.complete {
            incomplete.push(format!("{} <{}>", head.name, head.email));
        }
    }
    let pses = pse::Entity::find().count(db).await?;
    let policy = security::policy(db).await?;
    let item = |key, done: bool, pending: Vec<String>| SetupItem { key, done, pending };
    let items = vec![
        item(SetupItemKey::SignerProfiles, !heads.is_empty() && incomplete.is_empty(), incomplete),
        item(SetupItemKey::Logo, org.logo.is_some(), Vec::new()),
        item(
            SetupItemKey::Contact,
            org.address.trim() != DEFAULT_ORG_ADDRESS && !org.phone.trim().is_empty(),
            Vec::new(),
        ),
        item(SetupItemKey::PseRegister, pses > 0, Vec::new()),
        item(SetupItemKey::Mail, settings.mail.smtp_url.is_some(), Vec::new()),
        item(SetupItemKey::SecondFactor, policy.require_totp_for_privileged, Vec::new()),
    ];
    Ok(SetupChecklist { complete: items.iter().all(|i| i.done), items })
}
