//! A deterministic fuzz loop over every decoder of outside data: links,
//! scenario files, the stored library and plan files. (cargo-fuzz needs
//! nightly; this runs on stable, in CI, and reproduces from its seed.)
//!
//! Valid inputs are mutated (bit flips, byte changes, insertions, deletions,
//! truncation, duplication, splicing two inputs, inserting tokens of the
//! formats) and fed to the decoders under `catch_unwind`: any panic fails the
//! test and prints the input. Accepted inputs must also be consistent: a
//! decoded link or file validates and survives its own round trip.
//!
//! `FUZZ_ITERATIONS` (default 8 000: about 10 s in a debug build) sets
//! the number of inputs per decoder; `FUZZ_SEED` the generator's seed. For a
//! long run: `FUZZ_ITERATIONS=1000000 cargo test --release --test share_fuzz
//! -- --nocapture`.

#![cfg(not(target_arch = "wasm32"))]

mod share_support;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use pathways::model::{Plan, SHOUGUANG_2018_JSON};
use pathways::share::{
    decode_file, decode_library, decode_link, encode_file, encode_library, encode_link, Library,
    LibraryEntry,
};
use proptest::strategy::{Strategy, ValueTree};
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;
use share_support::{all_growth_changed, fixture_state, runner, share_state, PLAN};

const LINKS_V1: &str = include_str!("fixtures/links-v1.txt");
const FILE_V1: &str = include_str!("fixtures/scenario-file-v1.json");

/// Pieces of the formats, inserted at random.
const TOKENS: &[&str] = &[
    "~", "_", "%", "%7E", "%7e", "%25", "%E5", "%E5%AF%BF", "%FF", "#", "1~", "2~", "0~", "~c",
    "~C", "~n", "~N", "~m", "~k", "~g", "~e", "~u", "~t", "~v", "~l", "~z", "-", ".", "e", "E",
    "-0", "1e308", "1e-320", "1e999", "NaN", "inf", "18446744073709551616", "99999999999",
    "4294967296", "65536", "\"", "\\", "\\u0000", "\\ud800", "{", "}", "[", "]", ":", ",", "null",
    "true", "false", "[]", "{}", "\"\"", "-1", "1.5", "0.0", "\"version\": 2", "\"format\"",
    "\"state\"", "\"scenario\"", "\"industries\"", "\"entries\"", "\"compare\"", "\"id\"",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "寿", "\u{feff}", "\u{0}", "\u{fffd}", "🥬", "\r\n", " ",
];

struct Corpus {
    links: Vec<Vec<u8>>,
    files: Vec<Vec<u8>>,
    libraries: Vec<Vec<u8>>,
    plans: Vec<Vec<u8>>,
}

fn corpus() -> Corpus {
    let mut links: Vec<Vec<u8>> = LINKS_V1
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .map(|(_, link)| link.as_bytes().to_vec())
        .collect();
    let mut files = vec![FILE_V1.as_bytes().to_vec()];
    let mut states = vec![all_growth_changed()];
    states.extend(fixture_state("everything"));
    // Random valid states from the property tests' strategy.
    let mut runner = runner(1);
    let strategy = share_state();
    for _ in 0..24 {
        if let Ok(tree) = strategy.new_tree(&mut runner) {
            states.push(tree.current());
        }
    }
    for state in &states {
        links.push(encode_link(&PLAN, state).into_bytes());
        files.push(encode_file(&PLAN, state).into_bytes());
        // Compact JSON too, so mutations hit structure more often.
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&encode_file(&PLAN, state)) {
            files.push(value.to_string().into_bytes());
        }
    }
    let libraries = states
        .chunks(3)
        .map(|chunk| {
            let library = Library {
                entries: chunk
                    .iter()
                    .enumerate()
                    .map(|(idx, state)| LibraryEntry {
                        id: format!("e{idx}"),
                        name: state.name.clone(),
                        note: state.note.clone(),
                        saved_at: "2025-01-01T00:00:00Z".to_string(),
                        state: state.clone(),
                    })
                    .collect(),
            };
            encode_library(&PLAN, &library).into_bytes()
        })
        .collect();
    Corpus {
        links,
        files,
        libraries,
        plans: vec![SHOUGUANG_2018_JSON.as_bytes().to_vec()],
    }
}

fn pick<'a, T>(rng: &mut Pcg64Mcg, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// One to four mutations of a corpus input.
fn mutate(rng: &mut Pcg64Mcg, pool: &[Vec<u8>], all: &[&Vec<u8>]) -> Vec<u8> {
    let mut input = pick(rng, pool).clone();
    for _ in 0..rng.random_range(1..=4) {
        let len = input.len();
        let at = rng.random_range(0..=len);
        match rng.random_range(0..9) {
            0 if len > 0 => {
                let idx = rng.random_range(0..len);
                input[idx] ^= 1 << rng.random_range(0..8);
            }
            1 if len > 0 => {
                let idx = rng.random_range(0..len);
                input[idx] = rng.random();
            }
            2 => input.insert(at, rng.random()),
            3 if len > 0 => {
                let end = (at + rng.random_range(1..=16)).min(len);
                input.drain(at.min(end)..end);
            }
            4 => input.truncate(at),
            5 if len > 0 => {
                let start = rng.random_range(0..len);
                let end = (start + rng.random_range(1..=32)).min(len);
                let piece = input[start..end].to_vec();
                let to = rng.random_range(0..=input.len());
                input.splice(to..to, piece);
            }
            6 => {
                // Splice: this input's head with another's tail.
                let other = pick(rng, all);
                let from = rng.random_range(0..=other.len());
                input.truncate(at);
                input.extend_from_slice(&other[from..]);
            }
            7 => {
                let token = pick(rng, TOKENS).as_bytes();
                input.splice(at..at, token.iter().copied());
            }
            _ => {
                // Replace a run of digits with an interesting number.
                if let Some(start) = (at..len).find(|&idx| input[idx].is_ascii_digit()) {
                    let end = (start..len)
                        .find(|&idx| !input[idx].is_ascii_digit())
                        .unwrap_or(len);
                    let number = pick(
                        rng,
                        &[
                            "0",
                            "-0",
                            "1e308",
                            "99999999999999999999",
                            "-1",
                            "65535",
                            "4.25",
                        ],
                    );
                    input.splice(start..end, number.bytes());
                }
            }
        }
    }
    input
}

#[derive(Default)]
struct Tally {
    inputs: u64,
    accepted: u64,
    failures: Vec<String>,
}

impl Tally {
    fn run(&mut self, what: &str, input: &str, decode: impl FnOnce() -> Result<bool, String>) {
        self.inputs += 1;
        match catch_unwind(AssertUnwindSafe(decode)) {
            Ok(Ok(true)) => self.accepted += 1,
            Ok(Ok(false)) => {}
            Ok(Err(inconsistency)) => self.failures.push(format!(
                "{what}: inconsistent: {inconsistency}\n  input: {input:?}"
            )),
            Err(_) => self
                .failures
                .push(format!("{what}: PANIC\n  input: {input:?}")),
        }
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(default)
}

#[test]
fn decoders_never_panic_on_mutated_input() {
    let iterations = env_number("FUZZ_ITERATIONS", 8_000);
    let seed = env_number("FUZZ_SEED", 2018);
    let plan: &Plan = &PLAN;
    let corpus = corpus();
    let all: Vec<&Vec<u8>> = corpus
        .links
        .iter()
        .chain(&corpus.files)
        .chain(&corpus.libraries)
        .collect();
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let (mut links, mut files, mut libraries, mut plans) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    let started = Instant::now();
    for iteration in 0..iterations {
        let link = String::from_utf8_lossy(&mutate(&mut rng, &corpus.links, &all)).into_owned();
        links.run("decode_link", &link, || match decode_link(plan, &link) {
            Ok(state) => {
                state.validate(plan).map_err(|p| format!("{p:?}"))?;
                let again = decode_link(plan, &encode_link(plan, &state));
                (again.as_ref() == Ok(&state))
                    .then_some(true)
                    .ok_or_else(|| format!("re-encoded: {again:?}"))
            }
            Err(error) => {
                let _ = (error.message(true), error.message(false));
                Ok(false)
            }
        });
        let file = String::from_utf8_lossy(&mutate(&mut rng, &corpus.files, &all)).into_owned();
        files.run("decode_file", &file, || match decode_file(plan, &file) {
            Ok(state) => {
                state.validate(plan).map_err(|p| format!("{p:?}"))?;
                let again = decode_file(plan, &encode_file(plan, &state));
                (again.as_ref() == Ok(&state))
                    .then_some(true)
                    .ok_or_else(|| format!("re-encoded: {again:?}"))
            }
            Err(error) => {
                let _ = (error.message(true), error.message(false));
                Ok(false)
            }
        });
        let library =
            String::from_utf8_lossy(&mutate(&mut rng, &corpus.libraries, &all)).into_owned();
        libraries.run("decode_library", &library, || {
            match decode_library(plan, &library) {
                Ok(decoded) => {
                    for entry in &decoded.library.entries {
                        entry.state.validate(plan).map_err(|p| format!("{p:?}"))?;
                    }
                    for skipped in &decoded.skipped {
                        for problem in &skipped.problems {
                            let _ = problem.message(true);
                        }
                    }
                    Ok(true)
                }
                Err(error) => {
                    let _ = error.message(true);
                    Ok(false)
                }
            }
        });
        // The plan file is 40 kB; every fourth iteration keeps the run short.
        if iteration % 4 == 0 {
            let plan_json =
                String::from_utf8_lossy(&mutate(&mut rng, &corpus.plans, &all)).into_owned();
            plans.run("Plan::from_json", &plan_json, || {
                Ok(Plan::from_json(&plan_json).is_ok())
            });
        }
    }
    let elapsed = started.elapsed();
    let total = links.inputs + files.inputs + libraries.inputs + plans.inputs;
    println!(
        "fuzz seed {seed}: {total} inputs in {:.1} s — links {} ({} accepted), files {} ({} accepted), libraries {} ({} accepted), plans {} ({} accepted)",
        elapsed.as_secs_f64(),
        links.inputs,
        links.accepted,
        files.inputs,
        files.accepted,
        libraries.inputs,
        libraries.accepted,
        plans.inputs,
        plans.accepted,
    );
    let failures: Vec<String> = [links, files, libraries, plans]
        .into_iter()
        .flat_map(|tally| tally.failures)
        .collect();
    println!("panics or inconsistencies: {}", failures.len());
    assert!(
        failures.is_empty(),
        "{} failures, the first ones:\n{}",
        failures.len(),
        failures
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
