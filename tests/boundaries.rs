//! Architecture invariants that the compiler cannot hold for a single
//! crate, as an allow-list: each top-level module of `src/` names the
//! modules of this crate and the dependencies (from Cargo.toml) it may use.
//! Anything else fails, with the file and line (see ARCHITECTURE.md).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// (module, modules of this crate it may use besides itself, dependencies
/// it may use). `std`, `core` and `alloc` are always allowed.
const ALLOWED: [(&str, &[&str], &[&str]); 6] = [
    // The pure model: the plan, the scenario, projection, goals, solvers.
    (
        "model",
        &[],
        &["serde", "serde_json", "rand", "rand_pcg", "rand_distr"],
    ),
    // Chart specs and drawing on any plotters backend; knows no model.
    ("chart", &[], &["plotters", "plotters_backend"]),
    // Link, file and CSV formats over the model.
    ("share", &["model"], &["serde", "serde_json", "base64"]),
    // Summaries, gaps and sensitivities: data for the views, and chart specs.
    ("explain", &["model", "chart"], &[]),
    // The browser's IO: storage, downloads, canvases, timing.
    (
        "web",
        &["chart"],
        &[
            "web_sys",
            "js_sys",
            "wasm_bindgen",
            "wasm_bindgen_futures",
            "gloo",
            "plotters",
        ],
    ),
    // The yew app composes everything.
    (
        "app",
        &["model", "chart", "share", "explain", "web"],
        &[
            "yew",
            "web_sys",
            "js_sys",
            "wasm_bindgen",
            "wasm_bindgen_futures",
            "gloo",
            "plotters",
            "qrcode",
            "serde",
            "serde_json",
        ],
    ),
];

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let entries =
        fs::read_dir(dir).unwrap_or_else(|error| panic!("read {}: {error}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
    files
}

/// The crate's dependencies, as Rust names (`web-sys` → `web_sys`).
fn dependencies() -> BTreeSet<String> {
    let manifest = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .expect("read Cargo.toml");
    let mut names = BTreeSet::new();
    let mut in_dependencies = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies = line.contains("dependencies");
            continue;
        }
        if in_dependencies && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once('=') {
                names.insert(name.trim().replace('-', "_"));
            }
        }
    }
    names
}

/// Every path root in one line of code: `crate::model` for a path into this
/// crate, the crate name for a dependency (`yew`), nothing for local names.
fn roots(code: &str, dependencies: &BTreeSet<String>) -> Vec<String> {
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    let mut idx = 0;
    while idx < bytes.len() {
        let starts_word = (bytes[idx].is_ascii_lowercase() || bytes[idx] == b'_')
            && (idx == 0
                || !(bytes[idx - 1].is_ascii_alphanumeric()
                    || bytes[idx - 1] == b'_'
                    || bytes[idx - 1] == b':'));
        if !starts_word {
            idx += 1;
            continue;
        }
        let end = code[idx..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(code.len(), |len| idx + len);
        let word = &code[idx..end];
        if code[end..].starts_with("::") {
            if word == "crate" {
                let rest = &code[end + 2..];
                let module: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                found.push(format!("crate::{module}"));
            } else if dependencies.contains(word) {
                found.push(word.to_string());
            }
        } else if (word == "use" || word == "extern") && code[end..].starts_with(' ') {
            // `use yew;` or `extern crate x;` without a path.
            let rest = code[end..].trim_start();
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if dependencies.contains(&name) && rest[name.len()..].starts_with(';') {
                found.push(name);
            }
        }
        idx = end;
    }
    found
}

/// Every use in `src/<module>` that its allow-list does not name.
fn violations(
    module: &str,
    own: &[&str],
    crates: &[&str],
    dependencies: &BTreeSet<String>,
) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(module);
    let files = rust_files(&root);
    assert!(!files.is_empty(), "no Rust files under src/{module}");
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap_or_default();
        for (line_idx, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for used in roots(code, dependencies) {
                let allowed = match used.strip_prefix("crate::") {
                    Some(internal) => internal == module || own.contains(&internal),
                    None => crates.contains(&used.as_str()),
                };
                if !allowed {
                    found.push(format!("{}:{} uses {used}", file.display(), line_idx + 1));
                }
            }
        }
    }
    found
}

#[test]
fn every_module_uses_only_what_its_allow_list_names() {
    let dependencies = dependencies();
    assert!(dependencies.contains("yew") && dependencies.contains("web_sys"));
    let mut found = Vec::new();
    for (module, own, crates) in ALLOWED {
        found.extend(violations(module, own, crates, &dependencies));
    }
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn every_module_of_src_has_an_allow_list() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in fs::read_dir(&src).expect("read src").flatten() {
        if entry.path().is_dir() {
            let name = entry.file_name().to_string_lossy().to_string();
            assert!(
                ALLOWED.iter().any(|(module, _, _)| *module == name),
                "src/{name} has no allow-list in tests/boundaries.rs"
            );
        }
    }
}

#[test]
fn the_checker_would_notice_a_violation() {
    // Guard against a checker that can never fail.
    let dependencies = dependencies();
    assert_eq!(
        roots(
            "use crate::app::Lang; let x = yew::html! {}; Field::all(p);",
            &dependencies
        ),
        ["crate::app", "yew"]
    );
    assert_eq!(roots("use web_sys;", &dependencies), ["web_sys"]);
    assert!(roots("super::bounds::GROWTH_PCT", &dependencies).is_empty());
    // The app does use yew, and the model would not be allowed to.
    assert!(!violations("app", &[], &[], &dependencies).is_empty());
}
