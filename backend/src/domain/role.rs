//! The four roles. Support and admin run the programme; admin alone moves the test clock.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Freelancer,
    Customer,
    Support,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Freelancer => "freelancer",
            Role::Customer => "customer",
            Role::Support => "support",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "freelancer" => Some(Role::Freelancer),
            "customer" => Some(Role::Customer),
            "support" => Some(Role::Support),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    pub fn is_staff(self) -> bool {
        matches!(self, Role::Support | Role::Admin)
    }
}
