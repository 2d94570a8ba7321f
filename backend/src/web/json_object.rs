//! JSON objects only. serde's derived `Deserialize` for a struct also accepts a JSON
//! array and fills the fields by position (`[null, null]` would be a valid profile
//! update), which the OpenAPI schema forbids. These helpers read a JSON object first
//! and only then the struct, so an array is a 422 like any other wrong type.
//!
//! `web::json::Json` checks the top level of every request body; the `deserialize_with`
//! functions here guard nested objects.

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

fn from_map<T: DeserializeOwned, E: serde::de::Error>(map: Map<String, Value>) -> Result<T, E> {
    serde_json::from_value(Value::Object(map)).map_err(E::custom)
}

/// For a required nested object field.
pub fn object<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<T, D::Error> {
    from_map(Map::deserialize(d)?)
}

/// For an optional nested object field (use with `#[serde(default)]`).
pub fn optional_object<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Option<T>, D::Error> {
    Option::<Map<String, Value>>::deserialize(d)?.map(from_map).transpose()
}

/// For an optional list of objects (use with `#[serde(default)]`).
pub fn optional_objects<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Option<Vec<T>>, D::Error> {
    match Option::<Vec<Value>>::deserialize(d)? {
        None => Ok(None),
        Some(items) => items
            .into_iter()
            .map(|v| match v {
                Value::Object(map) => from_map(map),
                _ => Err(D::Error::custom("invalid type: expected an object in the list")),
            })
            .collect::<Result<Vec<T>, _>>()
            .map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Inner {
        a: i32,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Outer {
        #[serde(default, deserialize_with = "optional_object")]
        inner: Option<Inner>,
        #[serde(default, deserialize_with = "optional_objects")]
        list: Option<Vec<Inner>>,
        #[serde(deserialize_with = "object")]
        required: Inner,
    }

    #[test]
    fn objects_pass_and_arrays_fail() {
        // The top level goes through `web::json::parse`, as every request body does.
        let parse = |text: &str| crate::web::json::parse::<Outer>(serde_json::from_str(text).unwrap());
        let ok = parse(r#"{"inner": {"a": 1}, "list": [{"a": 2}], "required": {"a": 3}}"#).unwrap();
        assert_eq!(ok, Outer { inner: Some(Inner { a: 1 }), list: Some(vec![Inner { a: 2 }]), required: Inner { a: 3 } });
        let none = parse(r#"{"inner": null, "required": {"a": 3}}"#).unwrap();
        assert_eq!((none.inner, none.list), (None, None));
        assert!(serde_json::from_str::<Outer>(r#"[null, null, {"a": 3}]"#).is_ok(), "what serde alone accepts");
        for bad in [
            r#"[null, null, {"a": 3}]"#,
            r#"{"inner": [1], "required": {"a": 3}}"#,
            r#"{"list": [[2]], "required": {"a": 3}}"#,
            r#"{"required": [3]}"#,
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        let missing = parse("{}").unwrap_err();
        assert_eq!((missing.errors[0].field.as_str(), missing.errors[0].message.as_str()), ("required", "This field is required."));
    }
}
