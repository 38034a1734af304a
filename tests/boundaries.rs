//! Architecture invariants that the compiler cannot hold for a single crate:
//! the pure parts (model, chart, share, explain) name no browser crate (see
//! ARCHITECTURE.md).

use std::fs;
use std::path::{Path, PathBuf};

const BROWSER_CRATES: [&str; 6] = [
    "yew",
    "web_sys",
    "gloo",
    "wasm_bindgen",
    "js_sys",
    "plotters_canvas",
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

/// Every (file, line) in `dir` that uses one of `crates` as a path root.
fn uses_of(dir: &str, crates: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let files = rust_files(&root);
    assert!(!files.is_empty(), "no Rust files under {dir}");
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap_or_default();
        for (line_idx, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for name in crates {
                if code.contains(&format!("{name}::")) || code.contains(&format!("use {name}")) {
                    found.push(format!("{}:{} uses {name}", file.display(), line_idx + 1));
                }
            }
        }
    }
    found
}

#[test]
fn the_model_knows_nothing_of_the_browser_or_of_charts() {
    let mut forbidden = BROWSER_CRATES.to_vec();
    forbidden.push("plotters");
    assert_eq!(uses_of("src/model", &forbidden), Vec::<String>::new());
}

#[test]
fn the_share_formats_know_nothing_of_the_browser_or_of_charts() {
    let mut forbidden = BROWSER_CRATES.to_vec();
    forbidden.push("plotters");
    assert_eq!(uses_of("src/share", &forbidden), Vec::<String>::new());
}

#[test]
fn explain_is_pure_data_knowing_nothing_of_the_browser_the_app_or_plotters() {
    let mut forbidden = BROWSER_CRATES.to_vec();
    forbidden.extend(["plotters", "crate::app", "crate::web"]);
    assert_eq!(uses_of("src/explain", &forbidden), Vec::<String>::new());
}

#[test]
fn chart_drawing_knows_nothing_of_the_browser() {
    assert_eq!(uses_of("src/chart", &BROWSER_CRATES), Vec::<String>::new());
}

#[test]
fn the_checker_would_notice_a_violation() {
    // Guard against a checker that can never fail: the app does use yew.
    assert!(!uses_of("src/app", &["yew"]).is_empty());
}
