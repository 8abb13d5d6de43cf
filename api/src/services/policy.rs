//! The role matrix: which roles may do what. Every staff route asks here, and nowhere else.
//! Ticket actions are governed by the procedure's own table (`ttis_shared::procedure`).

use ttis_shared::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Create, list, change, disable staff accounts; reset their passwords.
    ManageUsers,
    /// See the ticket queue and tickets with the reporter's personal data and evidence.
    ViewTickets,
    /// Post messages and notes, claim tickets, file reports on someone's behalf.
    WorkTickets,
    /// Assign a ticket to an analyst with a disposition.
    AssignTickets,
    /// Read the PSE register (to pick a ticket's PSE).
    ViewPses,
    /// Change the PSE register and the taxonomy.
    ManageRegisters,
    /// Edit the organisation settings (letterhead, signer, numbering) and its logo.
    ManageOrganization,
    /// Revoke a signed letter or certificate.
    RevokeDocuments,
    /// Register webhooks and read their deliveries.
    ManageIntegrations,
    /// The SLA policy: time standards, working calendar, holidays.
    ManageSla,
    /// Read and verify the audit log.
    ReadAudit,
    /// The security policy (second factor for privileged roles, retention) and running retention.
    ManageSecurity,
    /// Keep one's own signer profile: heads, who sign (`approve`, per the procedure's table).
    KeepSignerProfile,
    /// Compile everything held about one reporter (a data subject's request): those who already
    /// see reporters' data.
    ExportPersonalData,
    /// Share threat intelligence: mark observables as indicators, export STIX and MISP.
    ShareIntel,
    /// Export a TLP:RED ticket, explicitly: the head only.
    ExportRed,
    /// Monitoring's controls: check now, accept a baseline, mute a detector.
    WatchSystems,
}

impl Permission {
    pub fn roles(self) -> &'static [Role] {
        match self {
            Permission::ManageUsers
            | Permission::ManageRegisters
            | Permission::ManageOrganization
            | Permission::RevokeDocuments
            | Permission::ManageIntegrations
            | Permission::ManageSla
            | Permission::ReadAudit
            | Permission::ManageSecurity => &[Role::Admin],
            Permission::ViewTickets
            | Permission::AssignTickets
            | Permission::ExportPersonalData
            | Permission::ShareIntel
            | Permission::WatchSystems => &[Role::Analyst, Role::Head],
            Permission::WorkTickets => &[Role::Analyst],
            Permission::KeepSignerProfile | Permission::ExportRed => &[Role::Head],
            Permission::ViewPses => &[Role::Analyst, Role::Head, Role::Admin],
        }
    }

    pub fn granted_to(self, roles: &[Role]) -> bool {
        self.roles().iter().any(|r| roles.contains(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admins_manage_users() {
        assert!(Permission::ManageUsers.granted_to(&[Role::Admin]));
        assert!(Permission::ManageUsers.granted_to(&[Role::Analyst, Role::Admin]));
        assert!(!Permission::ManageUsers.granted_to(&[Role::Analyst, Role::Head]));
        assert!(!Permission::ManageUsers.granted_to(&[]));
        assert!(!Permission::ViewTickets.granted_to(&[Role::Admin]), "admins do not read reporters' data");
        assert!(Permission::ViewTickets.granted_to(&[Role::Head]));
        assert!(!Permission::WorkTickets.granted_to(&[Role::Head]));
    }
}
