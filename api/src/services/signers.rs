//! Signer profiles (SOP step 7): who signs. Each head account has its own profile (full name with
//! academic titles, NIP, rank, position, capacity), edited by the head and by admins. An approval
//! takes the approving head's profile as it is at that moment and copies it onto the signed
//! documents and the audit entry, so a later edit never changes what was signed.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, Set, TransactionTrait};
use serde_json::json;
use ttis_shared::dto::signers::{self, SignerProfile, SignerProfileView, SigningCapacity};

use super::audit::{self, Actor};
use super::{now, organization};
use crate::entities::{signer_profile, user};
use crate::error::ApiError;

/// The profile a document is signed with, as it was at signing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    pub user_id: i64,
    pub name: String,
    pub nip: String,
    pub rank: String,
    pub capacity: SigningCapacity,
    /// The lines above the signature (`a.n. KEPALA DINAS ...`, `SEKRETARIS,`).
    pub lines: Vec<String>,
    /// The same in one line, for the verification page and the audit log.
    pub title: String,
}

fn profile_of(row: Option<&signer_profile::Model>) -> SignerProfile {
    match row {
        Some(r) => SignerProfile {
            full_name: r.full_name.clone(),
            nip: r.nip.clone(),
            rank: r.rank.clone(),
            position_title: r.position_title.clone(),
            capacity: SigningCapacity::parse(&r.capacity).unwrap_or_default(),
        },
        None => SignerProfile::default(),
    }
}

fn view_of(user_id: i64, row: Option<&signer_profile::Model>, head_title: &str) -> SignerProfileView {
    let profile = profile_of(row);
    let missing: Vec<String> = signers::missing_fields(&profile).into_iter().map(str::to_string).collect();
    SignerProfileView {
        user_id,
        complete: missing.is_empty(),
        missing,
        signature_lines: signers::signature_lines(profile.capacity, &profile.position_title, head_title),
        head_title: head_title.to_string(),
        updated_at: row.map(|r| r.updated_at),
        profile,
    }
}

async fn existing_user<C: ConnectionTrait>(conn: &C, user_id: i64) -> Result<user::Model, ApiError> {
    user::Entity::find_by_id(user_id).one(conn).await?.ok_or(ApiError::NotFound)
}

/// The profile of an account (empty fields when none was saved); `404` for an unknown account.
pub async fn get(db: &DatabaseConnection, user_id: i64) -> Result<SignerProfileView, ApiError> {
    existing_user(db, user_id).await?;
    let row = signer_profile::Entity::find_by_id(user_id).one(db).await?;
    let org = organization::current(db).await?;
    Ok(view_of(user_id, row.as_ref(), &org.head_title))
}

/// Saves an account's profile (by the head or an admin), audited with the fields that changed.
pub async fn put(
    db: &DatabaseConnection,
    who: &Actor,
    user_id: i64,
    input: SignerProfile,
) -> Result<SignerProfileView, ApiError> {
    let txn = db.begin().await?;
    existing_user(&txn, user_id).await?;
    let before = signer_profile::Entity::find_by_id(user_id).one(&txn).await?;
    let old = profile_of(before.as_ref());
    let nip: String = input.nip.chars().filter(|c| !c.is_whitespace()).collect();
    let row = signer_profile::ActiveModel {
        user_id: Set(user_id),
        full_name: Set(input.full_name.trim().to_string()),
        nip: Set(nip),
        rank: Set(input.rank.trim().to_string()),
        position_title: Set(input.position_title.trim().to_string()),
        capacity: Set(input.capacity.as_str().to_string()),
        updated_by: Set(who.user_id),
        updated_at: Set(now()),
    };
    let saved = match before {
        Some(_) => row.update(&txn).await?,
        None => row.insert(&txn).await?,
    };
    let new = profile_of(Some(&saved));
    let changed: Vec<&str> = [
        ("full_name", old.full_name != new.full_name),
        ("nip", old.nip != new.nip),
        ("rank", old.rank != new.rank),
        ("position_title", old.position_title != new.position_title),
        ("capacity", old.capacity != new.capacity),
    ]
    .into_iter()
    .filter_map(|(k, c)| c.then_some(k))
    .collect();
    audit::record(
        &txn,
        who,
        "signer_profile.update",
        Some(format!("user:{user_id}")),
        json!({"changed": changed, "profile": {"full_name": new.full_name, "nip": new.nip, "rank": new.rank,
            "position_title": new.position_title, "capacity": new.capacity.as_str()}}),
    )
    .await?;
    let org = organization::current(&txn).await?;
    txn.commit().await?;
    Ok(view_of(user_id, Some(&saved), &org.head_title))
}

/// The approving head's profile as it is now, or `422 signer_profile_incomplete` naming the
/// fields still empty. Read inside the approving transaction.
pub async fn for_signing<C: ConnectionTrait>(conn: &C, user_id: i64, head_title: &str) -> Result<Signer, ApiError> {
    let row = signer_profile::Entity::find_by_id(user_id).one(conn).await?;
    let profile = profile_of(row.as_ref());
    let missing = signers::missing_fields(&profile);
    if !missing.is_empty() {
        return Err(ApiError::SignerProfileIncomplete(missing.into_iter().map(str::to_string).collect()));
    }
    Ok(Signer {
        user_id,
        lines: signers::signature_lines(profile.capacity, &profile.position_title, head_title),
        title: signers::signer_title(profile.capacity, &profile.position_title, head_title),
        name: profile.full_name,
        nip: profile.nip,
        rank: profile.rank,
        capacity: profile.capacity,
    })
}
