//! The four roles. Support and admin run the programme; admin alone moves the test clock.
//! Stored as TEXT in `user_roles.role` (CHECKed in both migration folders).

crate::text_enum! {
    /// What a person may do here. `freelancer` and `customer` are chosen at sign-up;
    /// `support` and `admin` are granted by an operator (`partner-hub admin create`).
    pub enum Role {
        Freelancer = "freelancer",
        Customer = "customer",
        Support = "support",
        Admin = "admin",
    }
}

impl Role {
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Support | Role::Admin)
    }
}
