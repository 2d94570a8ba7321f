//! Fails on a catalogue miss before it ships. Scans `backend/src` for every text that can
//! reach a problem's `detail` or an `errors[].message`:
//! - the message arguments of `AppError::…(…)` (not `internal`/`unavailable`, whose
//!   argument is the logged cause), literal or `format!` (whose `{…}` become `{}`);
//! - `message: "…"` (FieldError literals), validator `message = "…"`, `.with_message("…")`;
//! - `Err("…")` (domain parsers hand their message up that way);
//! - `const NAME: &str = "…"` when NAME stands in one of those places.
//!
//! Each must be a sentence (capital first, full stop last) and have a German entry; and
//! no German entry may be left over, or contain an English word. `cli.rs` is left out:
//! its errors go to a terminal, never over HTTP.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::GERMAN;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Str(String),
    Ident(String),
    Punct(char),
}

/// A small Rust lexer: enough to find string literals, identifiers and punctuation
/// outside comments, char literals and lifetimes.
fn lex(src: &str) -> Vec<Tok> {
    let b: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == '/' && b.get(i + 1) == Some(&'/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && b.get(i + 1) == Some(&'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && (b.get(i + 1) == Some(&'"') || (b.get(i + 1) == Some(&'#') && matches!(b.get(i + 2), Some('"') | Some('#'))))
        {
            let mut hashes = 0;
            i += 1;
            while b[i] == '#' {
                hashes += 1;
                i += 1;
            }
            i += 1;
            let start = i;
            let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            let rest: String = b[start..].iter().collect();
            let end = rest.find(&close).expect("unterminated raw string");
            out.push(Tok::Str(rest[..end].to_string()));
            i = start + rest[..end].chars().count() + close.chars().count();
        } else if c == '"' {
            let mut s = String::new();
            i += 1;
            while b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                    match b[i] {
                        'n' => s.push('\n'),
                        't' => s.push('\t'),
                        '\n' => {
                            while b[i + 1].is_whitespace() {
                                i += 1;
                            }
                        }
                        other => s.push(other),
                    }
                } else {
                    s.push(b[i]);
                }
                i += 1;
            }
            i += 1;
            out.push(Tok::Str(s));
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{1f}') or a lifetime ('a, 'static).
            if b.get(i + 1) == Some(&'\\') {
                i += 2;
                while b[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if b.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < b.len() && (b[i].is_alphanumeric() || b[i] == '_') {
                i += 1;
            }
            out.push(Tok::Ident(b[start..i].iter().collect()));
        } else {
            if !c.is_whitespace() {
                out.push(Tok::Punct(c));
            }
            i += 1;
        }
    }
    out
}

/// Drops `#[cfg(test)] mod … { … }` blocks: test texts never reach a client.
fn without_tests(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let is_cfg_test = toks.get(i) == Some(&Tok::Punct('#'))
            && toks.get(i + 2) == Some(&Tok::Ident("cfg".into()))
            && toks.get(i + 4) == Some(&Tok::Ident("test".into()))
            && toks.get(i + 7) == Some(&Tok::Ident("mod".into()));
        if is_cfg_test {
            let mut j = i + 8;
            while toks[j] != Tok::Punct('{') && toks[j] != Tok::Punct(';') {
                j += 1;
            }
            if toks[j] == Tok::Punct('{') {
                let mut depth = 0;
                loop {
                    match toks[j] {
                        Tok::Punct('{') => depth += 1,
                        Tok::Punct('}') => depth -= 1,
                        _ => {}
                    }
                    j += 1;
                    if depth == 0 {
                        break;
                    }
                }
            }
            i = j + 1;
        } else {
            out.push(toks[i].clone());
            i += 1;
        }
    }
    out
}

/// A `format!` string as a catalogue key: every `{…}` becomes `{}`.
fn pattern(fmt: &str) -> String {
    assert!(!fmt.contains("{{"), "escaped braces in a message: {fmt:?}");
    let mut out = String::new();
    let mut rest = fmt;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').expect("unclosed placeholder");
        out.push_str("{}");
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// What stands at `toks[i]`: a literal, a `format!` string, or a constant's name.
enum Arg {
    Text(String),
    Const(String),
}

fn arg_at(toks: &[Tok], i: usize) -> Option<Arg> {
    match (toks.get(i), toks.get(i + 1), toks.get(i + 2), toks.get(i + 3)) {
        (Some(Tok::Str(s)), ..) => Some(Arg::Text(s.clone())),
        (Some(Tok::Ident(f)), Some(Tok::Punct('!')), Some(Tok::Punct('(')), Some(Tok::Str(s))) if f == "format" => {
            Some(Arg::Text(pattern(s)))
        }
        (Some(Tok::Ident(_)), ..) => {
            // `text::MESSAGE`, `INVALID`: the last segment of a path in capitals.
            let mut j = i;
            while toks.get(j + 1) == Some(&Tok::Punct(':')) && toks.get(j + 2) == Some(&Tok::Punct(':')) {
                j += 3;
            }
            match toks.get(j) {
                Some(Tok::Ident(name)) if name.chars().all(|c| c.is_ascii_uppercase() || c == '_') => Some(Arg::Const(name.clone())),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Codes and field names (`not_found`, `personal.display_name`) travel beside messages.
fn is_identifier_text(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.[]".contains(c))
}

#[derive(Default)]
struct Found {
    /// Message key → where it was seen.
    messages: BTreeMap<String, String>,
    consts_used: BTreeMap<String, String>,
    consts: BTreeMap<String, String>,
    actions: BTreeSet<String>,
}

impl Found {
    fn add(&mut self, arg: Option<Arg>, at: &str) {
        match arg {
            Some(Arg::Text(t)) if !is_identifier_text(&t) => {
                self.messages.entry(t).or_insert_with(|| at.to_string());
            }
            Some(Arg::Const(name)) => {
                self.consts_used.entry(name).or_insert_with(|| at.to_string());
            }
            _ => {}
        }
    }
}

/// The texts a `message: …` expression can evaluate to (`if … { A.into() } else {
/// format!("…") }`, `e.message.clone().unwrap_or_else(|| format!("…"))`): constants,
/// `format!` strings, and literals turned into a `String`; not the literals it merely
/// compares with. Returns the index after the expression.
fn message_expression(toks: &[Tok], from: usize, file: &str, found: &mut Found) -> usize {
    let mut depth = 0;
    let mut j = from;
    loop {
        match &toks[j] {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') if depth == 0 => return j,
            Tok::Punct(')' | ']' | '}') => depth -= 1,
            Tok::Punct(',') if depth == 0 => return j,
            Tok::Str(_) => {
                let converted = toks.get(j + 1) == Some(&Tok::Punct('.'))
                    && matches!(toks.get(j + 2), Some(Tok::Ident(m)) if m == "into" || m == "to_string" || m == "to_owned");
                let formatted = j >= 3 && toks[j - 3] == Tok::Ident("format".into());
                if converted || formatted || j == from {
                    found.add(arg_at(toks, if formatted { j - 3 } else { j }), file);
                }
            }
            Tok::Ident(name) if name.chars().all(|c| c.is_ascii_uppercase() || c == '_') && name.len() > 1 => {
                found.add(Some(Arg::Const(name.clone())), file);
            }
            _ => {}
        }
        j += 1;
    }
}

fn scan_file(toks: &[Tok], file: &str, found: &mut Found) {
    let ident = |i: usize, name: &str| matches!(toks.get(i), Some(Tok::Ident(n)) if n == name);
    let punct = |i: usize, c: char| toks.get(i) == Some(&Tok::Punct(c));
    for i in 0..toks.len() {
        // AppError::name( arg, arg, … ): the arguments at depth 1.
        if ident(i, "AppError") && punct(i + 1, ':') && punct(i + 2, ':') && punct(i + 4, '(') {
            let Some(Tok::Ident(name)) = toks.get(i + 3) else { continue };
            if name == "internal" || name == "unavailable" {
                continue;
            }
            let mut depth = 0;
            let mut j = i + 4;
            loop {
                match &toks[j] {
                    Tok::Punct('(' | '[' | '{') => {
                        depth += 1;
                        if depth == 1 {
                            found.add(arg_at(toks, j + 1), file);
                        }
                    }
                    Tok::Punct(')' | ']' | '}') => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    Tok::Punct(',') if depth == 1 => found.add(arg_at(toks, j + 1), file),
                    // `|| AppError::…`: the closure's own call is found on its own.
                    _ => {}
                }
                j += 1;
            }
        }
        // FieldError { field, message: "…" }.
        if ident(i, "FieldError") && punct(i + 1, '{') {
            let mut j = i + 2;
            while !punct(j, '}') {
                if ident(j, "message") && punct(j + 1, ':') {
                    j = message_expression(toks, j + 2, file, found);
                } else {
                    j += 1;
                }
            }
        }
        // Validator attributes: `length(max = 5, message = "…")`.
        if ident(i, "message") && punct(i + 1, '=') {
            found.add(arg_at(toks, i + 2), file);
        }
        // The actions that "… cannot be {}." messages are filled with.
        if (ident(i, "cannot") || ident(i, "not_now")) && punct(i + 1, '(') {
            let mut j = i + 2;
            while !punct(j, ')') {
                if let Some(Tok::Str(action)) = toks.get(j) {
                    found.actions.insert(action.clone());
                }
                j += 1;
            }
        }
        if ident(i, "with_message") && punct(i + 1, '(') {
            found.add(arg_at(toks, i + 2), file);
        }
        if ident(i, "Err") && punct(i + 1, '(') && matches!(toks.get(i + 2), Some(Tok::Str(_) | Tok::Ident(_))) && punct(i + 3, ')') {
            found.add(arg_at(toks, i + 2), file);
        }
        if ident(i, "const") && punct(i + 2, ':') && punct(i + 3, '&') && ident(i + 4, "str") && punct(i + 5, '=') {
            if let (Some(Tok::Ident(name)), Some(Tok::Str(value))) = (toks.get(i + 1), toks.get(i + 6)) {
                found.consts.insert(name.clone(), value.clone());
            }
        }
    }
}

fn scan(dir: &Path, found: &mut Found) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "i18n") {
                scan(&path, found);
            }
        } else if path.extension().is_some_and(|e| e == "rs") && path.file_name().is_some_and(|n| n != "cli.rs") {
            let src = std::fs::read_to_string(&path).unwrap();
            let name = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().display().to_string();
            scan_file(&without_tests(lex(&src)), &name, found);
        }
    }
}

fn scan_sources() -> Found {
    let mut found = Found::default();
    scan(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut found);
    found
}

/// Every server message of `backend/src`, as catalogue keys, with the file it is in.
fn server_messages() -> BTreeMap<String, String> {
    let found = scan_sources();
    let mut messages = found.messages;
    for (name, at) in &found.consts_used {
        if let Some(value) = found.consts.get(name) {
            messages.entry(value.clone()).or_insert_with(|| at.clone());
        }
    }
    messages
}

/// Whole words that give an English sentence away (no word that German shares, such
/// as "was" or "will").
const ENGLISH: &[&str] = &[
    "the", "your", "you", "and", "is", "are", "with", "please", "this", "has", "been", "we", "our", "to", "of", "for", "if", "not", "now",
    "must", "cannot", "only", "already", "there", "no", "be", "or", "send", "enter", "use", "valid", "invalid", "field", "first", "again",
    "yet", "which", "that", "it", "its", "at", "as", "by", "on", "from",
];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect()
}

#[test]
fn the_scan_finds_messages_of_every_kind() {
    let messages = server_messages();
    for known in [
        "The request has invalid fields.",                                      // AppError::new in error.rs
        "Only an admin can do this.",                                           // closure argument
        "There is no job named '{}'. Known jobs: {}.",                          // format!
        "Enter a valid email address.",                                         // validator and domain Err("…")
        "This is not a valid SSN: the middle two digits cannot be 00.",         // Err("…") in a parser
        "Remove the control characters: only tab and line breaks are allowed.", // a constant
        "Certify the statements of the W-9.",                                   // FieldError literal
        "Each skill must have 1 to 50 characters.",                             // with_message
    ] {
        assert!(messages.contains_key(known), "the scan missed {known:?}");
    }
    assert!(messages.len() > 100, "only {} messages found", messages.len());
    assert!(!messages.keys().any(|m| m == "internal_error" || m.contains("semaphore")), "codes and causes are no messages");
}

#[test]
fn every_server_message_is_a_sentence() {
    let not: Vec<String> = server_messages()
        .into_iter()
        .filter(|(m, _)| !(m.starts_with(|c: char| c.is_uppercase()) && m.ends_with('.')))
        .map(|(m, at)| format!("{at}: {m:?}"))
        .collect();
    assert!(not.is_empty(), "not a sentence (capital first, full stop last):\n{}", not.join("\n"));
}

#[test]
fn every_server_message_has_german() {
    let missing: Vec<String> =
        server_messages().into_iter().filter(|(m, _)| !GERMAN.has_key(m)).map(|(m, at)| format!("{at}: {m:?}")).collect();
    assert!(missing.is_empty(), "no German in backend/src/i18n/de.json for:\n{}", missing.join("\n"));
}

#[test]
fn no_german_entry_is_left_over() {
    let messages: BTreeSet<String> = server_messages().into_keys().collect();
    let file: serde_json::Value = serde_json::from_str(super::DE_JSON).unwrap();
    let stale: Vec<&String> = file["messages"].as_object().unwrap().keys().filter(|k| !messages.contains(*k)).collect();
    assert!(stale.is_empty(), "de.json has entries no code sends any more: {stale:?}");
}

#[test]
fn german_entries_are_german_sentences() {
    let file: serde_json::Value = serde_json::from_str(super::DE_JSON).unwrap();
    for section in ["messages", "values"] {
        for (english, german) in file[section].as_object().unwrap() {
            let german = german.as_str().unwrap();
            let found: Vec<String> = words(german).into_iter().filter(|w| ENGLISH.contains(&w.as_str())).collect();
            assert!(found.is_empty(), "English words {found:?} in the German for {english:?}: {german:?}");
            if section == "messages" {
                assert!(german.starts_with(|c: char| c.is_uppercase()) && german.ends_with('.'), "not a sentence: {german:?}");
            }
        }
    }
}

#[test]
fn statuses_and_actions_named_in_messages_have_german() {
    use crate::appeals::model::AppealStatus;
    use crate::applications::model::ApplicationStatus;
    use crate::freelancers::model::FreelancerStatus;
    use crate::invitations::model::InvitationStatus;
    let statuses = AppealStatus::ALL
        .iter()
        .map(|s| s.as_str())
        .chain(ApplicationStatus::ALL.iter().map(|s| s.as_str()))
        .chain(FreelancerStatus::ALL.iter().map(|s| s.as_str()))
        .chain(InvitationStatus::ALL.iter().map(|s| s.as_str()));
    let actions = scan_sources().actions;
    assert!(actions.contains("moved back to rejected") && actions.contains("revoked"), "the scan missed actions: {actions:?}");
    let missing: Vec<&str> = statuses.chain(actions.iter().map(String::as_str)).filter(|v| GERMAN.value(v).is_none()).collect();
    assert!(missing.is_empty(), "no German in de.json `values` for {missing:?}");
}
