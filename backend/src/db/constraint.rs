//! Recognising which constraint a write broke, on both engines. Invariants that must
//! hold under concurrency live in the database (unique keys, partial unique indexes,
//! CHECKs); the code that writes maps the one violation it expects to a clear 409 and
//! lets anything else surface as the error it is.
//!
//! PostgreSQL names the violated constraint (`constraint_name()`, and the message says
//! `duplicate key value violates unique constraint "name"`); SQLite names only the
//! columns (`UNIQUE constraint failed: table.column`). A [`UniqueKey`] carries both
//! spellings, so one call works on either engine.

use diesel::result::{DatabaseErrorKind, Error};

use crate::error::{AppError, AppResult};

/// A unique constraint or unique index, as each engine reports it.
#[derive(Debug, Clone, Copy)]
pub struct UniqueKey {
    /// The index or constraint name (what PostgreSQL reports).
    pub index: &'static str,
    /// `table.column[, table.column…]` (what SQLite reports).
    pub columns: &'static str,
}

/// True when `err` is a unique violation of `key`.
pub fn is_unique_violation(err: &Error, key: &UniqueKey) -> bool {
    match err {
        Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
            if info.constraint_name() == Some(key.index) {
                return true;
            }
            let message = info.message();
            message.contains(&format!("\"{}\"", key.index))
                || message.strip_prefix("UNIQUE constraint failed: ").is_some_and(|cols| cols == key.columns)
        }
        _ => false,
    }
}

/// Runs a write and turns a violation of `key` into `conflict()` (a 409 with its own
/// code); any other error passes through unchanged.
pub fn on_unique<T>(result: Result<T, Error>, key: &UniqueKey, conflict: impl FnOnce() -> AppError) -> AppResult<T> {
    match result {
        Ok(v) => Ok(v),
        Err(e) if is_unique_violation(&e, key) => Err(conflict()),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::result::DatabaseErrorInformation;

    struct Info(&'static str, Option<&'static str>);

    impl DatabaseErrorInformation for Info {
        fn message(&self) -> &str {
            self.0
        }
        fn details(&self) -> Option<&str> {
            None
        }
        fn hint(&self) -> Option<&str> {
            None
        }
        fn table_name(&self) -> Option<&str> {
            None
        }
        fn column_name(&self) -> Option<&str> {
            None
        }
        fn constraint_name(&self) -> Option<&str> {
            self.1
        }
        fn statement_position(&self) -> Option<i32> {
            None
        }
    }

    const KEY: UniqueKey = UniqueKey { index: "applications_one_open", columns: "applications.freelancer_id" };

    fn unique(message: &'static str, name: Option<&'static str>) -> Error {
        Error::DatabaseError(DatabaseErrorKind::UniqueViolation, Box::new(Info(message, name)))
    }

    #[test]
    fn recognises_each_engines_report() {
        assert!(is_unique_violation(
            &unique("duplicate key value violates unique constraint \"applications_one_open\"", Some("applications_one_open")),
            &KEY
        ));
        assert!(is_unique_violation(&unique("UNIQUE constraint failed: applications.freelancer_id", None), &KEY));
    }

    #[test]
    fn ignores_other_constraints_and_errors() {
        assert!(!is_unique_violation(
            &unique("duplicate key value violates unique constraint \"users_email_key\"", Some("users_email_key")),
            &KEY
        ));
        assert!(!is_unique_violation(&unique("UNIQUE constraint failed: applications.id", None), &KEY));
        assert!(!is_unique_violation(&unique("UNIQUE constraint failed: applications.freelancer_id, applications.x", None), &KEY));
        assert!(!is_unique_violation(&Error::NotFound, &KEY));
        let fk = Error::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, Box::new(Info("FOREIGN KEY constraint failed", None)));
        assert!(!is_unique_violation(&fk, &KEY));
    }
}
