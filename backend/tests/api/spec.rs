//! The spec chain and the schema: the committed openapi.yaml is what the code generates,
//! and both migration folders define the same tables and columns.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

#[test]
fn committed_openapi_yaml_matches_the_code() {
    let committed = std::fs::read_to_string(root().join("openapi.yaml")).expect("openapi.yaml at the repo root");
    let generated = partner_hub::openapi::yaml();
    if committed != generated {
        panic!("openapi.yaml is stale: run `make openapi` (it regenerates the spec and the frontend types)");
    }
}

#[test]
fn every_operation_documents_its_errors_and_security() {
    let doc = partner_hub::openapi::document();
    let value = serde_json::to_value(&doc).unwrap();
    for (path, item) in value["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            assert!(responses.keys().any(|k| k.starts_with('2')), "{method} {path} has no success response");
            let public = op.get("security").map(|s| s == &serde_json::json!([{}])).unwrap_or(false);
            if !public {
                assert!(responses.contains_key("401"), "{method} {path} needs a token but does not document 401");
            }
            if path.starts_with("/api/v1/admin") {
                assert!(responses.contains_key("403"), "{method} {path} is admin-only but does not document 403");
            }
            if op.get("requestBody").is_some() {
                for code in ["400", "413", "415", "422"] {
                    assert!(responses.contains_key(code), "{method} {path} takes a body but does not document {code}");
                }
            }
        }
    }
}

/// table → columns, read from the CREATE TABLE / ALTER TABLE statements of one folder.
fn tables(folder: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut dirs: Vec<_> = std::fs::read_dir(root().join("migrations").join(folder)).unwrap().map(|e| e.unwrap().path()).collect();
    dirs.sort();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for dir in dirs {
        let sql = std::fs::read_to_string(dir.join("up.sql")).unwrap();
        let sql: String = sql.lines().map(|l| l.split("--").next().unwrap()).collect::<Vec<_>>().join("\n");
        for stmt in sql.split(';') {
            let s = stmt.trim();
            let lower = s.to_lowercase();
            if let Some(rest) = lower.strip_prefix("create table ") {
                let name = rest.split(|c: char| c.is_whitespace() || c == '(').next().unwrap().to_string();
                let body = &s[s.find('(').unwrap() + 1..s.rfind(')').unwrap()];
                let cols = out.entry(name).or_default();
                for line in body.split(",\n").flat_map(|l| l.split('\n')) {
                    let first = line.split_whitespace().next().unwrap_or("").to_lowercase();
                    if first.is_empty()
                        || ["primary", "foreign", "unique", "constraint", "check"].contains(&first.as_str())
                        || first.starts_with(')')
                    {
                        continue;
                    }
                    if first.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                        cols.insert(first);
                    }
                }
            } else if let Some(rest) = lower.strip_prefix("alter table ") {
                let mut words = rest.split_whitespace();
                let name = words.next().unwrap().to_string();
                let words: Vec<&str> = words.collect();
                if words.first() == Some(&"rename") && words.get(1) == Some(&"to") {
                    // A SQLite table rebuild: `x_new` becomes `x`.
                    let cols = out.remove(&name).unwrap_or_default();
                    out.insert(words[2].to_string(), cols);
                } else if words.first() == Some(&"rename") && words.get(1) == Some(&"column") {
                    let cols = out.entry(name).or_default();
                    cols.remove(words[2]);
                    cols.insert(words[4].to_string());
                } else if let Some(i) = words.iter().position(|w| *w == "column") {
                    if words.get(i.wrapping_sub(1)) == Some(&"add") {
                        out.entry(name).or_default().insert(words[i + 1].to_string());
                    } else if words.get(i.wrapping_sub(1)) == Some(&"drop") {
                        out.entry(name).or_default().remove(words[i + 1]);
                    }
                }
            } else if let Some(rest) = lower.strip_prefix("drop table ") {
                out.remove(rest.trim().trim_start_matches("if exists ").trim());
            }
        }
    }
    out
}

#[test]
fn both_migration_folders_define_the_same_tables_and_columns() {
    let sqlite = tables("sqlite");
    let postgres = tables("postgres");
    assert!(sqlite.contains_key("users") && sqlite["users"].contains("email"), "the parser reads the migrations");
    assert_eq!(sqlite, postgres, "migrations/sqlite and migrations/postgres differ");
    let mut names_sqlite: Vec<_> = std::fs::read_dir(root().join("migrations/sqlite")).unwrap().map(|e| e.unwrap().file_name()).collect();
    let mut names_pg: Vec<_> = std::fs::read_dir(root().join("migrations/postgres")).unwrap().map(|e| e.unwrap().file_name()).collect();
    names_sqlite.sort();
    names_pg.sort();
    assert_eq!(names_sqlite, names_pg, "every migration exists for both engines");
}

#[actix_web::test]
async fn the_live_schema_matches_the_migrations() {
    // Whatever engine this run uses, the database it migrated has exactly the tables and
    // columns the migration files declare.
    let app = crate::helpers::TestApp::spawn().await;
    let declared = tables("sqlite");
    let live = app
        .db(|conn| {
            use diesel::prelude::*;
            use diesel::sql_types::Text;
            #[derive(QueryableByName)]
            struct Col {
                #[diesel(sql_type = Text)]
                t: String,
                #[diesel(sql_type = Text)]
                c: String,
            }
            let rows: Vec<Col> = match conn.engine() {
                partner_hub::db::Engine::Sqlite => diesel::sql_query(
                    "SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__diesel_schema_migrations'",
                )
                .load(conn)?,
                partner_hub::db::Engine::Postgres => diesel::sql_query(
                    "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns \
                     WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations'",
                )
                .load(conn)?,
            };
            let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
            for r in rows {
                out.entry(r.t).or_default().insert(r.c);
            }
            Ok(out)
        })
        .await;
    assert_eq!(live, declared);
}

/// `openapi::SharedProblems` adds the edge's answers to every operation; the handlers'
/// own entries (with their specific descriptions) are left alone.
#[test]
fn shared_problem_responses_reach_every_operation() {
    let value = serde_json::to_value(partner_hub::openapi::document()).unwrap();
    let mut with_params = 0;
    for (path, item) in value["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            let public = op.get("security").map(|s| s == &serde_json::json!([{}])).unwrap_or(false);
            if !public {
                assert!(responses.contains_key("403"), "{method} {path} needs a token but does not document 403");
            }
            if op.get("parameters").and_then(|p| p.as_array()).is_some_and(|p| !p.is_empty()) {
                with_params += 1;
                for code in ["400", "422"] {
                    assert!(responses.contains_key(code), "{method} {path} takes parameters but does not document {code}");
                }
            }
        }
    }
    assert!(with_params >= 10, "only {with_params} operations with parameters: is the walk right?");
    // The dashboard documents its own 403 (`not_eligible`); it is not replaced by the shared one.
    let dashboard = &value["paths"]["/api/v1/me/dashboard"]["get"]["responses"]["403"];
    assert!(dashboard.get("$ref").is_none(), "{dashboard}");
    // Public operations get no 401.
    assert!(value["paths"]["/livez"]["get"]["responses"].get("401").is_none());
}
