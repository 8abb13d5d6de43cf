//! The PSE register: operators of electronic systems and the assets they run, and matching a
//! report's affected asset to its operator (the most specific rule wins: an exact host, then the
//! narrowest IP range, then the longest domain suffix, then an application name).

use std::net::IpAddr;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, ModelTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde_json::json;
use ttis_shared::dto::tickets::{AssetRule, AssetRuleKind, Pse, PseInput, PseList};
use ttis_shared::validation::{Violation, normalize_email};

use super::audit::{self, Actor};
use super::{hosts, now};
use crate::entities::{pse, pse_asset};
use crate::error::{ApiError, FieldIssue};

fn kind_str(k: AssetRuleKind) -> &'static str {
    match k {
        AssetRuleKind::ExactHost => "exact_host",
        AssetRuleKind::DomainSuffix => "domain_suffix",
        AssetRuleKind::Cidr => "cidr",
        AssetRuleKind::AppName => "app_name",
    }
}

fn kind_of(s: &str) -> Option<AssetRuleKind> {
    match s {
        "exact_host" => Some(AssetRuleKind::ExactHost),
        "domain_suffix" => Some(AssetRuleKind::DomainSuffix),
        "cidr" => Some(AssetRuleKind::Cidr),
        "app_name" => Some(AssetRuleKind::AppName),
        _ => None,
    }
}

/// An IP network: address and prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    addr: IpAddr,
    prefix: u8,
}

impl Cidr {
    pub fn parse(s: &str) -> Option<Cidr> {
        let (addr, prefix) = match s.trim().split_once('/') {
            Some((a, p)) => (a.parse::<IpAddr>().ok()?, p.parse::<u8>().ok()?),
            None => {
                let a = s.trim().parse::<IpAddr>().ok()?;
                (a, if a.is_ipv4() { 32 } else { 128 })
            }
        };
        let max = if addr.is_ipv4() { 32 } else { 128 };
        if prefix > max {
            return None;
        }
        Some(Cidr { addr: Cidr::mask(addr, prefix), prefix })
    }

    fn mask(addr: IpAddr, prefix: u8) -> IpAddr {
        match addr {
            IpAddr::V4(v4) => {
                let bits = u32::from(v4);
                let m = if prefix == 0 { 0 } else { u32::MAX << (32 - u32::from(prefix)) };
                IpAddr::V4((bits & m).into())
            }
            IpAddr::V6(v6) => {
                let bits = u128::from(v6);
                let m = if prefix == 0 { 0 } else { u128::MAX << (128 - u32::from(prefix)) };
                IpAddr::V6((bits & m).into())
            }
        }
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        ip.is_ipv4() == self.addr.is_ipv4() && Cidr::mask(ip, self.prefix) == self.addr
    }

    pub fn to_canonical(self) -> String {
        format!("{}/{}", self.addr, self.prefix)
    }
}

/// How specifically `rule` matches `asset` (higher wins), or `None`.
pub fn specificity(kind: AssetRuleKind, value: &str, asset: &str) -> Option<u32> {
    let host = hosts::host_of(asset);
    match kind {
        AssetRuleKind::ExactHost => (host.as_deref() == Some(value)).then_some(4000),
        AssetRuleKind::Cidr => {
            let ip: IpAddr = host.as_deref()?.parse().ok()?;
            let cidr = Cidr::parse(value)?;
            cidr.contains(ip).then(|| 3000 + u32::from(cidr.prefix))
        }
        AssetRuleKind::DomainSuffix => {
            let host = host?;
            (host == value || host.ends_with(&format!(".{value}"))).then(|| 2000 + value.len() as u32)
        }
        AssetRuleKind::AppName => (asset.trim().to_lowercase() == value || asset.to_lowercase().contains(value))
            .then(|| 1000 + value.len() as u32),
    }
}

/// The PSE of the most specific rule that matches `asset`, from rules as `(kind, value, pse_id)`
/// (the submission reads the rules with the rest of what it checks, `reports::intake`).
pub fn best_match<'a>(rules: impl IntoIterator<Item = (&'a str, &'a str, i64)>, asset: &str) -> Option<i64> {
    rules
        .into_iter()
        .filter_map(|(kind, value, pse_id)| Some((specificity(kind_of(kind)?, value, asset)?, pse_id)))
        .max_by_key(|(score, _)| *score)
        .map(|(_, id)| id)
}

/// Checks and normalises a rule; the error names the field.
fn normalize_rule(index: usize, rule: &AssetRule) -> Result<(AssetRuleKind, String), FieldIssue> {
    let bad = || FieldIssue { field: format!("assets[{index}].value"), violation: Violation::NotAnOption };
    let v = rule.value.trim();
    let value = match rule.kind {
        AssetRuleKind::ExactHost => hosts::host_of(v).filter(|h| h.parse::<IpAddr>().is_err()).ok_or_else(bad)?,
        AssetRuleKind::DomainSuffix => hosts::host_of(v.trim_start_matches("*.")).ok_or_else(bad)?,
        AssetRuleKind::Cidr => Cidr::parse(v).map(Cidr::to_canonical).ok_or_else(bad)?,
        AssetRuleKind::AppName => {
            if v.is_empty() || v.chars().count() > 200 {
                return Err(bad());
            }
            v.to_lowercase()
        }
    };
    Ok((rule.kind, value))
}

fn to_dto(p: pse::Model, assets: Vec<pse_asset::Model>) -> Pse {
    Pse {
        id: p.id,
        name: p.name,
        head_name: p.head_name,
        head_title: p.head_title,
        emails: p.emails.split(',').filter(|e| !e.is_empty()).map(str::to_string).collect(),
        phone: p.phone,
        address: p.address,
        place: p.place,
        assets: assets
            .into_iter()
            .filter_map(|a| Some(AssetRule { kind: kind_of(&a.kind)?, value: a.value }))
            .collect(),
    }
}

pub async fn list(db: &DatabaseConnection) -> Result<PseList, ApiError> {
    let rows = pse::Entity::find().order_by_asc(pse::Column::Name).find_with_related(pse_asset::Entity).all(db).await?;
    Ok(PseList { items: rows.into_iter().map(|(p, a)| to_dto(p, a)).collect() })
}

pub async fn get(db: &DatabaseConnection, id: i64) -> Result<Pse, ApiError> {
    let p = pse::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let assets = p.find_related(pse_asset::Entity).all(db).await?;
    Ok(to_dto(p, assets))
}

/// Creates (`id` None) or replaces a PSE with its rules.
pub async fn save(db: &DatabaseConnection, actor: &Actor, id: Option<i64>, input: PseInput) -> Result<Pse, ApiError> {
    let mut issues = Vec::new();
    let mut rules = Vec::new();
    for (i, rule) in input.assets.iter().enumerate() {
        match normalize_rule(i, rule) {
            Ok(r) if rules.contains(&r) => {
                issues.push(FieldIssue { field: format!("assets[{i}].value"), violation: Violation::NotAnOption })
            }
            Ok(r) => rules.push(r),
            Err(issue) => issues.push(issue),
        }
    }
    let txn = db.begin().await?;
    // An exact host belongs to one operator only.
    for (i, (kind, value)) in rules.iter().enumerate() {
        if *kind != AssetRuleKind::ExactHost {
            continue;
        }
        let mut clash = pse_asset::Entity::find()
            .filter(pse_asset::Column::Kind.eq("exact_host"))
            .filter(pse_asset::Column::Value.eq(value.clone()));
        if let Some(id) = id {
            clash = clash.filter(pse_asset::Column::PseId.ne(id));
        }
        if clash.one(&txn).await?.is_some() {
            issues.push(FieldIssue { field: format!("assets[{i}].value"), violation: Violation::NotAnOption });
        }
    }
    if !issues.is_empty() {
        return Err(ApiError::Validation(issues));
    }
    let at = now();
    let emails = input.emails.iter().map(|e| normalize_email(e)).collect::<Vec<_>>().join(",");
    let model = match id {
        None => {
            pse::ActiveModel {
                name: Set(input.name.trim().into()),
                head_name: Set(input.head_name.trim().into()),
                head_title: Set(input.head_title.trim().into()),
                emails: Set(emails),
                phone: Set(input.phone.clone()),
                address: Set(input.address.clone()),
                place: Set(input.place.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(str::to_string)),
                created_at: Set(at),
                updated_at: Set(at),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
        Some(id) => {
            let existing = pse::Entity::find_by_id(id).one(&txn).await?.ok_or(ApiError::NotFound)?;
            let mut active: pse::ActiveModel = existing.into();
            active.name = Set(input.name.trim().into());
            active.head_name = Set(input.head_name.trim().into());
            active.head_title = Set(input.head_title.trim().into());
            active.emails = Set(emails);
            active.phone = Set(input.phone.clone());
            active.address = Set(input.address.clone());
            active.place = Set(input.place.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(str::to_string));
            active.updated_at = Set(at);
            pse_asset::Entity::delete_many().filter(pse_asset::Column::PseId.eq(id)).exec(&txn).await?;
            active.update(&txn).await?
        }
    };
    let mut assets = Vec::new();
    for (kind, value) in rules {
        assets.push(
            pse_asset::ActiveModel {
                pse_id: Set(model.id),
                kind: Set(kind_str(kind).into()),
                value: Set(value),
                ..Default::default()
            }
            .insert(&txn)
            .await?,
        );
    }
    let action = if id.is_some() { "pse.update" } else { "pse.create" };
    audit::record(
        &txn,
        actor,
        action,
        Some(format!("pse:{}", model.id)),
        json!({"name": model.name, "assets": assets.len()}),
    )
    .await?;
    txn.commit().await?;
    Ok(to_dto(model, assets))
}

pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: i64) -> Result<(), ApiError> {
    let txn = db.begin().await?;
    let existing = pse::Entity::find_by_id(id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    pse_asset::Entity::delete_many().filter(pse_asset::Column::PseId.eq(id)).exec(&txn).await?;
    existing.delete(&txn).await?;
    audit::record(&txn, actor, "pse.delete", Some(format!("pse:{id}")), json!({})).await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidr_ranges() {
        let c = Cidr::parse("103.10.20.7/24").unwrap_or_else(|| panic!("parse"));
        assert_eq!(c.to_canonical(), "103.10.20.0/24");
        assert!(c.contains("103.10.20.250".parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))));
        assert!(!c.contains("103.10.21.1".parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))));
        assert!(Cidr::parse("10.0.0.0/33").is_none());
        assert!(Cidr::parse("not-an-ip/8").is_none());
        assert!(
            Cidr::parse("2001:db8::/32")
                .is_some_and(|c| c.contains("2001:db8::1".parse().unwrap_or(IpAddr::from([0u16; 8]))))
        );
    }

    #[test]
    fn the_most_specific_rule_wins() {
        let asset = "https://disdik.kukarkab.go.id/login";
        let exact = specificity(AssetRuleKind::ExactHost, "disdik.kukarkab.go.id", asset);
        let suffix = specificity(AssetRuleKind::DomainSuffix, "kukarkab.go.id", asset);
        let longer = specificity(AssetRuleKind::DomainSuffix, "disdik.kukarkab.go.id", asset);
        assert!(exact > longer && longer > suffix && suffix.is_some());
        assert_eq!(specificity(AssetRuleKind::DomainSuffix, "kukarkab.go.id", "https://notkukarkab.go.id/"), None);
        let narrow = specificity(AssetRuleKind::Cidr, "103.10.20.0/28", "http://103.10.20.5/");
        let wide = specificity(AssetRuleKind::Cidr, "103.10.0.0/16", "http://103.10.20.5/");
        assert!(narrow > wide && wide.is_some());
        assert!(specificity(AssetRuleKind::AppName, "simpeg", "Aplikasi SIMPEG versi 2").is_some());
    }
}
