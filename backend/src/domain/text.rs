//! Bounded strings for list items: utoipa cannot put length limits on the items of a
//! `Vec<String>`, so each kind of item is a newtype whose schema carries the limits.
//! Validation of the same limits happens where the list is validated.

/// `bounded_string!(Name, min, max, "description")` defines a transparent String
/// newtype whose OpenAPI schema is a string of `min..=max` characters.
#[macro_export]
macro_rules! bounded_string {
    ($name:ident, $min:expr, $max:expr, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub const MIN: usize = $min;
            pub const MAX: usize = $max;

            /// True when the length (in characters) is within the limits.
            pub fn fits(&self) -> bool {
                (Self::MIN..=Self::MAX).contains(&self.0.chars().count())
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .min_length(Some($min))
                    .max_length(Some($max))
                    .description(Some($doc))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}
