//! The browser suite (`tests/web.rs`) runs in a page served by wasm-bindgen-test-runner, whose
//! HTTP server (tiny_http 0.12) can leave a connection unserved when more than four arrive at
//! once: the page then hangs at "Loading scripts..." until ChromeDriver gives up. The page loads
//! each JavaScript module that Rust code imports (`module = "…"`, `inline_js`) at the same time,
//! so this keeps them at four or fewer. See the README's Layout section.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

const MAX_MODULES: usize = 4;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Each distinct `module = "…"` path, and each `inline_js` block (one module apiece).
fn imported_modules() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    let mut modules = BTreeSet::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for (i, _) in text.match_indices("(module = \"") {
            let rest = &text[i + "(module = \"".len()..];
            modules.insert(rest[..rest.find('"').unwrap()].to_string());
        }
        for (i, _) in text.match_indices(concat!("inline", "_js =")) {
            modules.insert(format!("{}: inline at byte {i}", file.display()));
        }
    }
    modules
}

#[test]
fn the_test_page_loads_at_most_four_modules() {
    let modules = imported_modules();
    assert!(
        modules.contains("/src/web/guard.js"),
        "the reader finds the modules: {modules:?}"
    );
    assert!(
        modules.len() <= MAX_MODULES,
        "{} JavaScript modules (at most {MAX_MODULES}): {modules:?}",
        modules.len()
    );
}
