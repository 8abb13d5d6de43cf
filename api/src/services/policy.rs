//! The role matrix: which roles may do what. Every staff route asks here, and nowhere else.
//! Ticket actions are governed by the procedure's own table (`ttis_shared::procedure`).

use ttis_shared::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Create, list, change, disable staff accounts; reset their passwords.
    ManageUsers,
}

impl Permission {
    pub fn roles(self) -> &'static [Role] {
        match self {
            Permission::ManageUsers => &[Role::Admin],
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
    }
}
