//! Text hygiene at the edge. Every string that reaches a handler (JSON bodies, query
//! parameters, path segments) is checked here once, so no slice has to remember it.
//!
//! Refused: C0 controls except tab, line feed and carriage return (forms with several
//! lines need those), DEL, the C1 controls, the line and paragraph separators
//! U+2028/U+2029 (invisible line breaks that single-line fields and logs mishandle;
//! multi-line text uses `\n`), the byte-order mark U+FEFF and the noncharacters
//! U+FFFE/U+FFFF. NUL matters most: PostgreSQL refuses it in `text`, which used to turn
//! a valid JSON string into a 500, while SQLite stored it as-is. Per-field rules such as
//! "no line breaks in a name" stay with the DTOs.

use serde_json::Value;

use crate::error::{AppError, FieldError};

/// Whether `c` is refused in any text input.
pub fn is_forbidden(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' => true,
        _ => false,
    }
}

pub fn has_forbidden(s: &str) -> bool {
    s.chars().any(is_forbidden)
}

pub const MESSAGE: &str = "Remove the control characters: only tab and line breaks are allowed.";

/// Every field of `value` (at any depth) holding a forbidden character, named the way
/// `web::json::parse` names fields: `message`, `personal.display_name`, `links[0]`.
pub fn check_json(value: &Value) -> Result<(), AppError> {
    let mut errors = Vec::new();
    walk(value, &mut String::new(), &mut errors);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::validation(errors))
    }
}

fn walk(value: &Value, path: &mut String, errors: &mut Vec<FieldError>) {
    match value {
        Value::String(s) if has_forbidden(s) => {
            let field = if path.is_empty() { "body".to_string() } else { path.clone() };
            errors.push(FieldError { field, message: MESSAGE.into() });
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk(item, path, errors);
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let len = path.len();
                if has_forbidden(key) {
                    // Never echo the key itself: it is the offending text.
                    let field = if path.is_empty() { "body".to_string() } else { path.clone() };
                    errors.push(FieldError { field, message: "A member name contains control characters.".into() });
                    continue;
                }
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                walk(item, path, errors);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// The decoded query parameters holding a forbidden character (in the name or the value),
/// named by their parameter name.
pub fn check_query(query: &str) -> Result<(), AppError> {
    let mut errors: Vec<FieldError> = Vec::new();
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        let field = if has_forbidden(&name) { "query".to_string() } else { name.into_owned() };
        if (field == "query" || has_forbidden(&value)) && !errors.iter().any(|e| e.field == field) {
            errors.push(FieldError { field, message: MESSAGE.into() });
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::validation(errors))
    }
}

/// The index of the first path segment that decodes to a forbidden character.
pub fn forbidden_path_segment(path: &str) -> Option<usize> {
    path.trim_start_matches('/').split('/').position(|seg| has_forbidden(&percent_encoding::percent_decode_str(seg).decode_utf8_lossy()))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn fields(v: Value) -> Vec<String> {
        check_json(&v).map(|_| vec![]).unwrap_or_else(|e| e.errors.into_iter().map(|f| f.field).collect())
    }

    #[test]
    fn names_every_field_with_a_control_character() {
        assert!(fields(json!({"message": "two\nlines\twith a tab\r\n", "n": 1, "ok": "Grüße ✓"})).is_empty());
        assert_eq!(fields(json!({"message": "a\u{0}b"})), ["message"]);
        assert_eq!(fields(json!({"links": ["ok", "bad\u{7}"]})), ["links[1]"]);
        assert_eq!(fields(json!({"personal": {"display_name": "x\u{85}"}, "m": "\u{feff}"})), ["m", "personal.display_name"]);
        assert_eq!(fields(json!({"a": [{"b": "\u{2028}"}]})), ["a[0].b"]);
        assert_eq!(fields(json!({"bad\u{0}key": 1})), ["body"]);
        for c in ['\u{1b}', '\u{7f}', '\u{9f}', '\u{2029}', '\u{ffff}'] {
            assert!(has_forbidden(&format!("x{c}")), "{c:?}");
        }
    }

    #[test]
    fn query_and_path() {
        assert!(check_query("status=open&q=caf%C3%A9").is_ok());
        let e = check_query("status=open&q=a%00b").unwrap_err();
        assert_eq!(e.errors[0].field, "q");
        assert_eq!(check_query("a%01=1").unwrap_err().errors[0].field, "query");
        assert_eq!(forbidden_path_segment("/api/v1/admin/applications/app_1"), None);
        assert_eq!(forbidden_path_segment("/api/v1/admin/applications/app%001"), Some(4));
    }
}
