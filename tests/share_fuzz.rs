//! A deterministic fuzz loop over every decoder of outside data: links,
//! scenario files, the stored library and plan files. (cargo-fuzz needs
//! nightly; this runs on stable, in CI, and reproduces from its seed.)
//!
//! Valid inputs are mutated (bit flips, byte changes, insertions, deletions,
//! truncation, duplication, splicing two inputs, inserting tokens of the
//! formats; for the JSON formats also edits of the parsed tree: a value
//! replaced by an extreme number, another type or a long text, a key removed
//! or added, an item dropped or repeated) and fed to the decoders under
//! `catch_unwind`: any panic fails the test and prints the input. Accepted
//! inputs must also be consistent: a decoded link or file validates and
//! survives its own round trip.
//!
//! Link bodies are mutated twice over: as they are (so most stop at the
//! check code, as a link damaged in a chat would) and **re-signed** with
//! [`sign_link_body`] after the mutation, so they get past the check code
//! into the field parser and validation.
//!
//! The record counts, per decoder, how many inputs reached each stage, read
//! off the error the decoder returned (see [`Stage`]): the first check (the
//! link's check code; the file's and library's envelope — JSON, `format`,
//! `version`, `plan`; the plan file's JSON), the field reader, validation,
//! and acceptance. Each count has a minimum share of the inputs, so a fuzzer
//! whose mutations all stop early (a broken re-signing, a corpus that no
//! longer parses) fails.
//!
//! `FUZZ_ITERATIONS` sets the rounds (each round: one link as mutated, two
//! re-signed links, one file, one library, and every fourth round a plan
//! file: 5.25 inputs); the default is 200 000 rounds (1 050 000 inputs) in a
//! release build and 1 000 in a debug one. `FUZZ_SEED` sets the generator's
//! seed; `FUZZ_MIN_INPUTS` makes the test fail if it tried fewer inputs (CI
//! sets 1 000 000). CI's run, in `scripts/test.sh`:
//! `FUZZ_ITERATIONS=200000 FUZZ_MIN_INPUTS=1000000 cargo test --release
//! --locked --test share_fuzz -- --nocapture`.

#![cfg(not(target_arch = "wasm32"))]

mod share_support;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use pathways::model::{Plan, SHOUGUANG_2018_JSON};
use pathways::share::link::sign_link_body;
use pathways::share::{
    decode_file, decode_library, decode_link, encode_file, encode_library, encode_link, FileError,
    FileProblem, Library, LibraryEntry, LinkError, Malformation, ShareState,
};
use proptest::strategy::{Strategy, ValueTree};
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;
use serde_json::Value;
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
    /// The links without their check code (`1~g9.5_12~len`), to mutate and
    /// re-sign.
    bodies: Vec<Vec<u8>>,
    files: Vec<Vec<u8>>,
    libraries: Vec<Vec<u8>>,
    plans: Vec<Vec<u8>>,
    /// The JSON inputs parsed, for mutations of the tree.
    file_trees: Vec<Value>,
    library_trees: Vec<Value>,
    plan_trees: Vec<Value>,
}

fn trees(inputs: &[Vec<u8>]) -> Vec<Value> {
    inputs
        .iter()
        .map(|input| serde_json::from_slice(input).expect("the corpus is JSON"))
        .collect()
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
    let libraries: Vec<Vec<u8>> = states
        .chunks(3)
        .map(|chunk| {
            let library = Library {
                entries: chunk
                    .iter()
                    .enumerate()
                    .map(|(idx, state)| LibraryEntry {
                        id: format!("e{idx}"),
                        saved_at: "2025-01-01T00:00:00Z".to_string(),
                        state: state.clone(),
                    })
                    .collect(),
            };
            encode_library(&PLAN, &library).into_bytes()
        })
        .collect();
    let bodies = links
        .iter()
        .map(|link| match link.iter().rposition(|&byte| byte == b'~') {
            Some(end) => link[..end].to_vec(),
            // The empty link (the defaults): version 1 and no fields.
            None => b"1".to_vec(),
        })
        .collect();
    let plans = vec![SHOUGUANG_2018_JSON.as_bytes().to_vec()];
    Corpus {
        file_trees: trees(&files),
        library_trees: trees(&libraries),
        plan_trees: trees(&plans),
        links,
        bodies,
        files,
        libraries,
        plans,
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

/// Numbers at and past the ends of every range, and ones JSON readers trip on.
const NUMBERS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    1.5,
    -30.0,
    60.0,
    100.0,
    2017.0,
    2028.0,
    2029.0,
    65_535.0,
    4_294_967_296.0,
    9_007_199_254_740_993.0,
    1.8e19,
    1e-7,
    5e-324,
    1e308,
    -1e308,
];

/// One to three edits of a parsed JSON input, written compact or pretty.
fn mutate_json(rng: &mut Pcg64Mcg, trees: &[Value]) -> Vec<u8> {
    let mut tree = pick(rng, trees).clone();
    for _ in 0..rng.random_range(1..=3) {
        let mut nth = rng.random_range(0..count_nodes(&tree));
        if let Some(node) = nth_node(&mut tree, &mut nth) {
            mutate_node(rng, node);
        }
    }
    let written = if rng.random_bool(0.5) {
        serde_json::to_vec(&tree)
    } else {
        serde_json::to_vec_pretty(&tree)
    };
    written.expect("a JSON tree writes")
}

fn count_nodes(node: &Value) -> usize {
    1 + match node {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// The node `nth` in pre-order, so that every node is as likely to change
/// (a walk from the root would mostly hit the envelope's few keys).
fn nth_node<'v>(node: &'v mut Value, nth: &mut usize) -> Option<&'v mut Value> {
    if *nth == 0 {
        return Some(node);
    }
    *nth -= 1;
    match node {
        Value::Array(items) => items.iter_mut().find_map(|item| nth_node(item, nth)),
        Value::Object(map) => map.values_mut().find_map(|item| nth_node(item, nth)),
        _ => None,
    }
}

/// Changes one node: a number to an extreme or nearby one, a list or object
/// by an item or key, anything to another type.
fn mutate_node(rng: &mut Pcg64Mcg, node: &mut Value) {
    let roll = rng.random_range(0..10);
    match node {
        Value::Number(number) if roll < 8 => {
            let old = number.as_f64().unwrap_or(0.0);
            let new = match rng.random_range(0..4) {
                0 => *pick(rng, NUMBERS),
                1 => old * rng.random_range(0.0..3.0),
                2 => old + rng.random_range(-10.0..10.0),
                _ => -old,
            };
            if let Some(new) = serde_json::Number::from_f64(new) {
                *number = new;
            }
        }
        Value::Array(items) if roll < 8 && !items.is_empty() => {
            let idx = rng.random_range(0..items.len());
            if rng.random_bool(0.5) {
                items.remove(idx);
            } else {
                let copy = items[idx].clone();
                items.insert(idx, copy);
            }
        }
        Value::Object(map) if roll < 8 && !map.is_empty() => {
            if rng.random_bool(0.5) {
                let idx = rng.random_range(0..map.len());
                if let Some(key) = map.keys().nth(idx).cloned() {
                    map.remove(&key);
                }
            } else {
                map.insert("unknown".to_string(), Value::from(1));
            }
        }
        _ => {
            *node = match rng.random_range(0..8) {
                0 => Value::Null,
                1 => Value::Bool(rng.random()),
                2 => Value::from(*pick(rng, NUMBERS)),
                3 => Value::from(rng.random::<u64>()),
                4 => Value::String(pick(rng, TOKENS).to_string()),
                5 => Value::String("寿".repeat(rng.random_range(150..5000))),
                6 => Value::Array(Vec::new()),
                _ => Value::Object(serde_json::Map::new()),
            }
        }
    }
}

/// How far an input got through its decoder: rejected before the first
/// check, or the last stage it reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    /// Stopped before the first check: not a link of a known version, cut
    /// off, not JSON.
    Rejected,
    /// Reached the first check and failed it: a link's check code, a file's
    /// envelope (`format`, `version`, `plan`), a plan file's JSON object.
    Check,
    /// Passed the check; the field reader refused it.
    Fields,
    /// Read whole; validation refused it.
    Validation,
    Accepted,
}

const STAGES: [Stage; 4] = [
    Stage::Check,
    Stage::Fields,
    Stage::Validation,
    Stage::Accepted,
];

/// The stage of a link decoder's answer. The matches name every error, so a
/// new kind of error must be placed here.
fn link_stage(result: &Result<ShareState, LinkError>) -> Stage {
    match result {
        Ok(_) => Stage::Accepted,
        Err(LinkError::OutOfRange { .. }) => Stage::Validation,
        Err(LinkError::UnknownField { .. }) => Stage::Fields,
        Err(LinkError::Malformed(malformation)) => match malformation {
            Malformation::NoVersion | Malformation::UnknownVersion { .. } => Stage::Rejected,
            Malformation::EmptyField { .. }
            | Malformation::Repeated { .. }
            | Malformation::NotAValue { .. }
            | Malformation::TooManyValues { .. }
            | Malformation::IncompleteShock { .. }
            | Malformation::BadText { .. }
            | Malformation::OnlyForCurrent { .. } => Stage::Fields,
        },
        Err(LinkError::Tampered) => Stage::Check,
        Err(LinkError::Truncated | LinkError::FutureVersion { .. }) => Stage::Rejected,
    }
}

/// The stage of a file or library decoder's error.
fn file_error_stage(error: &FileError) -> Stage {
    match error {
        FileError::NotJson { .. } => Stage::Rejected,
        FileError::WrongFormat { .. }
        | FileError::FutureVersion { .. }
        | FileError::PlanMismatch { .. } => Stage::Check,
        FileError::Fields { problems } => problems_stage(problems),
    }
}

/// The field reader and validation never report together (validation runs
/// only on a state read without a problem), so a list of problems is
/// validation's when each is one validation writes: a range (`-30..=60`,
/// `0..=200 characters`) or one of its rules across fields. The reader's own
/// expectations ("a number", "a whole number 0..=…", "8 industries in the
/// plan's order", …) never take those shapes.
fn problems_stage(problems: &[FileProblem]) -> Stage {
    if problems
        .iter()
        .any(|problem| matches!(problem.problem.field.as_str(), "version" | "plan"))
    {
        return Stage::Check;
    }
    let validation = |problem: &FileProblem| {
        let expected = problem.problem.allowed.en.as_str();
        let is_range = expected.starts_with(|c: char| c.is_ascii_digit() || c == '-')
            && expected.contains("..=");
        is_range
            || [
                "phase 0 or 1",
                "industry index below",
                "an industry index below",
                "exactly ",
                "at most ",
                "at least the industries'",
                // The library's one check after an entry validated.
                "an id no other entry has",
            ]
            .iter()
            .any(|rule| expected.starts_with(rule))
    };
    if !problems.is_empty() && problems.iter().all(validation) {
        Stage::Validation
    } else {
        Stage::Fields
    }
}

/// A decoder's record: inputs, how many reached each stage, and every panic
/// or inconsistency.
struct Tally {
    name: &'static str,
    /// What the first check is, for this decoder.
    check: &'static str,
    /// The least share of the inputs that must reach each stage of
    /// [`STAGES`]; `None`: this decoder's errors do not tell the stage.
    minimums: [Option<f64>; 4],
    inputs: u64,
    reached: [u64; 4],
    failures: Vec<String>,
    /// Time spent decoding (and checking) this decoder's inputs.
    elapsed: Duration,
}

impl Tally {
    fn new(name: &'static str, check: &'static str, minimums: [Option<f64>; 4]) -> Tally {
        Tally {
            name,
            check,
            minimums,
            inputs: 0,
            reached: [0; 4],
            failures: Vec::new(),
            elapsed: Duration::ZERO,
        }
    }

    fn run(&mut self, input: &str, decode: impl FnOnce() -> Result<Stage, String>) {
        self.inputs += 1;
        let started = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(decode));
        self.elapsed += started.elapsed();
        match result {
            Ok(Ok(stage)) => {
                for (count, reached) in self.reached.iter_mut().zip(STAGES) {
                    *count += u64::from(stage >= reached);
                }
            }
            Ok(Err(inconsistency)) => self.failures.push(format!(
                "{}: inconsistent: {inconsistency}\n  input: {input:?}",
                self.name
            )),
            Err(_) => self
                .failures
                .push(format!("{}: PANIC\n  input: {input:?}", self.name)),
        }
    }

    fn row(&self) -> String {
        let cells: Vec<String> = self
            .reached
            .iter()
            .zip(self.minimums)
            .map(|(&count, minimum)| match minimum {
                Some(_) => format!(
                    "{count:>9} {:>5.1}%",
                    100.0 * count as f64 / self.inputs.max(1) as f64
                ),
                None => format!("{:>16}", "–"),
            })
            .collect();
        format!(
            "{:<20} {:>9}  {:<9} {}  {:>6.1} s",
            self.name,
            self.inputs,
            self.check,
            cells.join(" "),
            self.elapsed.as_secs_f64()
        )
    }

    /// Every stage below its minimum share, as a message.
    fn shortfalls(&self) -> Vec<String> {
        STAGES
            .iter()
            .zip(self.reached.iter().zip(self.minimums))
            .filter_map(|(stage, (&count, minimum))| {
                let minimum = minimum?;
                let share = count as f64 / self.inputs.max(1) as f64;
                (share < minimum).then(|| {
                    format!(
                        "{}: {count} of {} inputs ({:.2}%) reached {stage:?}; at least {:.1}% must",
                        self.name,
                        self.inputs,
                        100.0 * share,
                        100.0 * minimum
                    )
                })
            })
            .collect()
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(default)
}

/// Decodes a link; an accepted one must validate and survive its round trip.
fn check_link(plan: &Plan, link: &str) -> Result<Stage, String> {
    let result = decode_link(plan, link);
    match &result {
        Ok(state) => {
            state.validate(plan).map_err(|p| format!("{p:?}"))?;
            let again = decode_link(plan, &encode_link(plan, state));
            if again.as_ref() != Ok(state) {
                return Err(format!("re-encoded: {again:?}"));
            }
        }
        Err(error) => {
            let _ = (error.message(true), error.message(false));
        }
    }
    Ok(link_stage(&result))
}

fn check_file(plan: &Plan, file: &str) -> Result<Stage, String> {
    match decode_file(plan, file) {
        Ok(state) => {
            state.validate(plan).map_err(|p| format!("{p:?}"))?;
            let again = decode_file(plan, &encode_file(plan, &state));
            if again.as_ref() != Ok(&state) {
                return Err(format!("re-encoded: {again:?}"));
            }
            Ok(Stage::Accepted)
        }
        Err(error) => {
            let _ = (error.message(true), error.message(false));
            Ok(file_error_stage(&error))
        }
    }
}

/// Decodes a library. It is accepted when no entry was skipped; it reached
/// validation when an entry did (read or skipped by validation).
fn check_library(plan: &Plan, library: &str) -> Result<Stage, String> {
    match decode_library(plan, library) {
        Ok(decoded) => {
            for entry in &decoded.library.entries {
                entry.state.validate(plan).map_err(|p| format!("{p:?}"))?;
            }
            let mut validated = !decoded.library.entries.is_empty();
            for skipped in &decoded.skipped {
                validated |= problems_stage(&skipped.problems) == Stage::Validation;
                for problem in &skipped.problems {
                    let _ = (problem.message(true), problem.message(false));
                }
            }
            // What the app would store again must read back whole.
            let again = decode_library(plan, &encode_library(plan, &decoded.library))
                .map_err(|error| format!("re-encoded: {error}"))?;
            if again.library != decoded.library || !again.skipped.is_empty() {
                return Err(format!("re-encoded: {again:?}"));
            }
            Ok(if decoded.skipped.is_empty() {
                Stage::Accepted
            } else if validated {
                Stage::Validation
            } else {
                Stage::Fields
            })
        }
        Err(error) => {
            let _ = (error.message(true), error.message(false));
            Ok(file_error_stage(&error))
        }
    }
}

/// A plan file's errors are a list of texts, which do not tell the field
/// reader from validation: its stages are its JSON (an object) and
/// acceptance.
fn check_plan(plan_json: &str) -> Result<Stage, String> {
    if Plan::from_json(plan_json).is_ok() {
        return Ok(Stage::Accepted);
    }
    let is_object = serde_json::from_str::<Value>(plan_json).is_ok_and(|value| value.is_object());
    Ok(if is_object {
        Stage::Check
    } else {
        Stage::Rejected
    })
}

/// A byte mutation or, half the time, an edit of the parsed tree.
fn mutate_either(
    rng: &mut Pcg64Mcg,
    pool: &[Vec<u8>],
    trees: &[Value],
    all: &[&Vec<u8>],
) -> String {
    let bytes = if rng.random_bool(0.5) {
        mutate(rng, pool, all)
    } else {
        mutate_json(rng, trees)
    };
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn decoders_never_panic_and_mutations_reach_every_stage() {
    let default_rounds = if cfg!(debug_assertions) {
        1_000
    } else {
        200_000
    };
    let iterations = env_number("FUZZ_ITERATIONS", default_rounds);
    let seed = env_number("FUZZ_SEED", 2018);
    let min_inputs = env_number("FUZZ_MIN_INPUTS", 0);
    let plan: &Plan = &PLAN;
    let corpus = corpus();
    let all: Vec<&Vec<u8>> = corpus
        .links
        .iter()
        .chain(&corpus.files)
        .chain(&corpus.libraries)
        .collect();
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    // Minimum shares of the inputs per stage (check, fields, validation,
    // accepted), about half of what seed 2018 reaches (54/2.5/2.5/2.5 %, 85/85/15/9.7 %,
    // 56/55/18/6.7 %, 55/54/53/7.2 % and 61 %/13 % over 1 050 000 inputs): a fuzzer whose inputs
    // stop early fails them.
    let mut raw_links = Tally::new(
        "links (as mutated)",
        "checksum",
        [Some(0.40), Some(0.002), Some(0.0005), Some(0.0005)],
    );
    let mut signed_links = Tally::new(
        "links (re-signed)",
        "checksum",
        [Some(0.40), Some(0.35), Some(0.10), Some(0.05)],
    );
    let mut files = Tally::new(
        "files",
        "envelope",
        [Some(0.40), Some(0.35), Some(0.10), Some(0.03)],
    );
    let mut libraries = Tally::new(
        "libraries",
        "envelope",
        [Some(0.40), Some(0.35), Some(0.10), Some(0.03)],
    );
    let mut plans = Tally::new("plan files", "JSON", [Some(0.30), None, None, Some(0.05)]);
    let started = Instant::now();
    for iteration in 0..iterations {
        let link = String::from_utf8_lossy(&mutate(&mut rng, &corpus.links, &all)).into_owned();
        raw_links.run(&link, || check_link(plan, &link));
        for _ in 0..2 {
            let body = mutate(&mut rng, &corpus.bodies, &all);
            let link = sign_link_body(plan, &String::from_utf8_lossy(&body));
            signed_links.run(&link, || check_link(plan, &link));
        }
        let file = mutate_either(&mut rng, &corpus.files, &corpus.file_trees, &all);
        files.run(&file, || check_file(plan, &file));
        let library = mutate_either(&mut rng, &corpus.libraries, &corpus.library_trees, &all);
        libraries.run(&library, || check_library(plan, &library));
        // The plan file is 40 kB; every fourth round keeps the run short.
        if iteration % 4 == 0 {
            let plan_json = mutate_either(&mut rng, &corpus.plans, &corpus.plan_trees, &all);
            plans.run(&plan_json, || check_plan(&plan_json));
        }
    }
    let elapsed = started.elapsed();
    let tallies = [raw_links, signed_links, files, libraries, plans];
    let total: u64 = tallies.iter().map(|tally| tally.inputs).sum();
    let failures: Vec<String> = tallies
        .iter()
        .flat_map(|tally| tally.failures.iter().cloned())
        .collect();
    println!(
        "fuzz seed {seed}, {iterations} rounds, {} build: {total} inputs in {:.1} s; panics or inconsistencies: {}",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        elapsed.as_secs_f64(),
        failures.len()
    );
    println!(
        "{:<20} {:>9}  {:<9} {:>16} {:>16} {:>16} {:>16}  {:>8}",
        "decoder", "inputs", "check", "reached check", "fields", "validation", "accepted", "time"
    );
    for tally in &tallies {
        println!("{}", tally.row());
    }
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
    let shortfalls: Vec<String> = tallies.iter().flat_map(Tally::shortfalls).collect();
    assert!(shortfalls.is_empty(), "{}", shortfalls.join("\n"));
    assert!(
        total >= min_inputs,
        "{total} inputs tried; FUZZ_MIN_INPUTS asks for {min_inputs}"
    );
}
