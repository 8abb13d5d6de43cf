//! Staff roles. A user may hold several. Reporters have no account and no role.

use serde::{Deserialize, Serialize};

use crate::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "db", sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case"))]
pub enum Role {
    /// *Tim TTIS*: verifies, analyses, drafts, submits, sends.
    Analyst,
    /// *Kepala Dinas*: approves and signs, or returns with remarks.
    Head,
    /// Platform operator: accounts, registers, settings.
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Analyst, Role::Head, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Analyst => "analyst",
            Role::Head => "head",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Role::Analyst => lang.pick("Analis (Tim TTIS)", "Analyst (response team)"),
            Role::Head => lang.pick("Kepala Dinas", "Head of agency"),
            Role::Admin => lang.pick("Administrator", "Administrator"),
        }
    }

    /// Roles are stored as a comma-separated, sorted, de-duplicated list (`analyst,admin`).
    pub fn join(roles: &[Role]) -> String {
        let mut sorted: Vec<Role> = roles.to_vec();
        sorted.sort();
        sorted.dedup();
        sorted.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",")
    }

    /// Whether the security policy's `require_totp_for_privileged` covers an account with these
    /// roles: administrators and heads (the API enforces it; the SPA asks the same question).
    pub fn second_factor_required(roles: &[Role]) -> bool {
        roles.iter().any(|r| matches!(r, Role::Admin | Role::Head))
    }

    /// The inverse of [`Role::join`]; unknown names are skipped.
    pub fn split(stored: &str) -> Vec<Role> {
        let mut roles: Vec<Role> = stored.split(',').filter_map(|s| Role::parse(s.trim())).collect();
        roles.sort();
        roles.dedup();
        roles
    }
}

#[cfg(test)]
mod tests {
    use super::Role;

    #[test]
    fn roles_round_trip_through_storage() {
        let stored = Role::join(&[Role::Admin, Role::Analyst, Role::Admin]);
        assert_eq!(stored, "analyst,admin");
        assert_eq!(Role::split(&stored), vec![Role::Analyst, Role::Admin]);
        assert_eq!(Role::split("head, bogus"), vec![Role::Head]);
        assert!(Role::split("").is_empty());
    }

    #[test]
    fn the_second_factor_policy_covers_admins_and_heads() {
        assert!(Role::second_factor_required(&[Role::Admin]));
        assert!(Role::second_factor_required(&[Role::Analyst, Role::Head]));
        assert!(!Role::second_factor_required(&[Role::Analyst]));
        assert!(!Role::second_factor_required(&[]));
    }
}
