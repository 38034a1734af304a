//! The file and library formats (round trip, the frozen v1 file, field-level
//! errors, recovery of a damaged library) and the CSV export.

#![cfg(not(target_arch = "wasm32"))]

mod share_support;

use expect_test::{expect, Expect};
use pathways::model::project;
use pathways::share::{
    decode_file, decode_library, encode_file, encode_library, projection_csv, write_csv_record,
    FileError, Library, LibraryEntry, ShareState,
};
use proptest::prelude::*;
use share_support::{fixture_state, runner, share_state, DEFAULTS, PLAN};

const FILE_V1: &str = include_str!("fixtures/scenario-file-v1.json");

#[test]
fn decode_inverts_encode_on_valid_files() {
    let result = runner(300).run(&share_state(), |state| {
        let json = encode_file(&PLAN, &state);
        prop_assert_eq!(decode_file(&PLAN, &json), Ok(state));
        Ok(())
    });
    if let Err(error) = result {
        panic!("{error}");
    }
}

#[test]
fn decode_inverts_encode_on_libraries() {
    let entry = (share_state(), "\\PC{0,12}", "\\PC{0,30}", "\\PC{0,25}");
    let library = prop::collection::vec(entry, 0..4).prop_map(|entries| Library {
        entries: entries
            .into_iter()
            .enumerate()
            .map(|(idx, (state, name, note, saved_at))| LibraryEntry {
                id: format!("{idx}-{name}"),
                saved_at,
                state: ShareState {
                    name,
                    note,
                    ..state
                },
            })
            .collect(),
    });
    let result = runner(60).run(&library, |library| {
        let decoded = decode_library(&PLAN, &encode_library(&PLAN, &library));
        let decoded = decoded.map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert!(decoded.skipped.is_empty() && decoded.problems.is_empty());
        prop_assert_eq!(decoded.library, library);
        Ok(())
    });
    if let Err(error) = result {
        panic!("{error}");
    }
}

/// The frozen v1 file keeps decoding, and the encoder still writes it byte
/// for byte (a change is a new format version, not an edit of this one).
#[test]
fn the_frozen_v1_file_keeps_decoding() {
    let decoded = match decode_file(&PLAN, FILE_V1) {
        Ok(state) => state,
        Err(error) => panic!("{error}"),
    };
    assert_eq!(encode_file(&PLAN, &decoded), FILE_V1);
    // The file holds every value, so this holds while the plan's defaults
    // are those of the file; the byte-for-byte check above holds regardless.
    // The file's second compared scenario is the defaults it was written
    // under (with seed 7): compare only while the plan's defaults are those.
    let mut written_defaults = decoded.compare[1].scenario.clone();
    written_defaults.uncertainty.seed = DEFAULTS.uncertainty.seed;
    if written_defaults == *DEFAULTS {
        assert_eq!(Some(decoded.clone()), fixture_state("everything"));
    }
    assert_eq!(decoded.name, "寿光 2022 <b>stress</b>");
    assert_eq!(decoded.scenario.uncertainty.seed, u64::MAX);
    assert_eq!(decoded.compare.len(), 2);
}

fn check(json: &str, expect: Expect) {
    let shown = match decode_file(&PLAN, json) {
        Ok(_) => "decoded".to_string(),
        Err(error) => format!("en: {}\nzh: {}", error.message(false), error.message(true)),
    };
    expect.assert_eq(&shown);
}

fn defaults_json() -> String {
    encode_file(&PLAN, &ShareState::defaults(&PLAN))
}

#[test]
fn not_json_wrong_format_future_version_and_another_plan() {
    check(
        "{ \"format\": ",
        expect![[r#"
            en: The file is not valid JSON (error at line 1, column 12).
            zh: 文件不是有效的 JSON(第 1 行第 12 列出错)。"#]],
    );
    check(
        &defaults_json().replace("shouguang-pathways-scenario", "something-else"),
        expect![[r#"
            en: This is not this app's file of that kind: format should be “shouguang-pathways-scenario”, found “something-else”.
            zh: 这不是本应用的此类文件:format 应为“shouguang-pathways-scenario”,实为“something-else”。"#]],
    );
    check(
        "[1, 2]",
        expect![[r#"
            en: This is not this app's file of that kind: format should be “shouguang-pathways-scenario”, found none.
            zh: 这不是本应用的此类文件:format 应为“shouguang-pathways-scenario”,实为空。"#]],
    );
    check(
        &defaults_json().replace("\"version\": 1", "\"version\": 2"),
        expect![[r#"
            en: This file was saved by a newer version of the app (format version 2); this version reads versions up to 1. Please use the latest version.
            zh: 此文件由更新版本的应用保存(格式版本 2),本版本只能读取版本 1 及以前;请使用最新版本。"#]],
    );
    check(
        &defaults_json().replace("\"version\": 1", "\"version\": \"1\""),
        expect![[r#"
            en: The file has 1 problem(s): version: expected the format version, a whole number 1..=1, found "1".
            zh: 文件中有 1 处问题:version:应为格式版本号,1 到 1 的整数,实为 "1"。"#]],
    );
    check(
        &defaults_json().replace("\"plan\": \"shouguang-2018\"", "\"plan\": \"weifang-2019\""),
        expect![[r#"
            en: This file belongs to another plan (“weifang-2019”); the plan open is “shouguang-2018”.
            zh: 此文件属于另一份规划(“weifang-2019”),当前规划为“shouguang-2018”。"#]],
    );
}

#[test]
fn every_bad_field_is_named_with_its_path() {
    let json = defaults_json()
        .replacen("\"base_yi_yuan\": 120.0", "\"base_yi_yuan\": \"120\"", 1)
        .replacen("\"id\": \"paper\"", "\"id\": \"steel\"", 1)
        .replacen("\"runs\": 10000", "\"runs\": -1", 1)
        .replacen(
            "\"include_vegetables\": false",
            "\"include_vegetables\": 0",
            1,
        )
        .replacen("\"lang\": \"zh\"", "\"language\": \"zh\"", 1);
    check(
        &json,
        expect![[r#"
            en: The file has 5 problem(s): state.language: not a field of format version 1; state.scenario.industries[0].base_yi_yuan: expected a number, found "120"; state.scenario.uncertainty.runs: expected a whole number 0..=4294967295, found -1; state.scenario.interpretation.include_vegetables: expected true or false, found 0; state.lang: missing; expected a string.
            zh: 文件中有 5 处问题:state.language:格式版本 1 中没有此字段;state.scenario.industries[0].base_yi_yuan:应为数字,实为 "120";state.scenario.uncertainty.runs:应为0 到 4294967295 的整数,实为 -1;state.scenario.interpretation.include_vegetables:应为true 或 false,实为 0;state.lang:缺少此字段,应为字符串。"#]],
    );
    // Once the types are right, the plan's shape and the ranges are checked.
    let json = defaults_json()
        .replacen("\"id\": \"paper\"", "\"id\": \"steel\"", 1)
        .replacen(
            "\"shocks\": []",
            "\"shocks\": [{ \"year\": 2020, \"industry\": \"mining\", \"pct\": 1 }]",
            1,
        );
    check(
        &json,
        expect![[r#"
            en: The file has 2 problem(s): state.scenario.industries[2].id: expected “paper” (industry 3 of the plan), found “steel”; state.scenario.shocks[0].industry: expected an industry id of the plan (vegetables, chemicals, paper, logistics, new_materials, information_technology, equipment, health) or null, found “mining”.
            zh: 文件中有 2 处问题:state.scenario.industries[2].id:应为“paper”(规划中第 3 个产业),实为 “steel”;state.scenario.shocks[0].industry:应为规划中的产业 id(vegetables, chemicals, paper, logistics, new_materials, information_technology, equipment, health)或 null,实为 “mining”。"#]],
    );
    let json = defaults_json()
        .replacen("\"correlation\": 0.5", "\"correlation\": 1.5", 1)
        .replacen(
            "\"note\": \"\"",
            &format!("\"note\": \"{}\"", "x".repeat(4001)),
            1,
        );
    check(
        &json,
        expect![[r#"
            en: The file has 2 problem(s): state.scenario.uncertainty.correlation: expected 0..=1, found 1.5; state.note: expected 0..=4000 characters, found 4001 characters.
            zh: 文件中有 2 处问题:state.scenario.uncertainty.correlation:应为0 至 1,实为 1.5;state.note:应为最多 4000 个字符,实为 4001 characters。"#]],
    );
}

#[test]
fn a_damaged_library_keeps_every_readable_entry() {
    let entry = |id: &str, name: &str| LibraryEntry {
        id: id.to_string(),
        saved_at: "2025-03-01T08:00:00Z".to_string(),
        state: ShareState {
            name: name.to_string(),
            ..ShareState::defaults(&PLAN)
        },
    };
    let library = Library {
        entries: vec![
            entry("a", "计划节奏"),
            entry("b", "坏的"),
            entry("c", "趋势"),
        ],
    };
    let json = encode_library(&PLAN, &library);
    // Damage entry b: a growth rate becomes text.
    let b_start = json.find("\"id\": \"b\"").unwrap_or(0);
    let damaged = format!(
        "{}{}",
        &json[..b_start],
        json[b_start..].replacen("\"growth_pct\": [", "\"growth_pct\": [\"oops\", ", 1)
    );
    // A duplicate id and an unknown top-level field.
    let damaged = damaged
        .replacen("\"id\": \"c\"", "\"id\": \"a\"", 1)
        .replacen("\"version\": 1,", "\"version\": 1, \"extra\": true,", 1);
    let decoded = match decode_library(&PLAN, &damaged) {
        Ok(decoded) => decoded,
        Err(error) => panic!("{error}"),
    };
    assert_eq!(decoded.library.entries, vec![entry("a", "计划节奏")]);
    let skipped: Vec<String> = decoded
        .skipped
        .iter()
        .map(|skipped| {
            format!(
                "{} {:?} {:?}: {}",
                skipped.index,
                skipped.id,
                skipped.name,
                skipped.problems[0].message(false)
            )
        })
        .collect();
    expect![[r#"
        [
            "1 Some(\"b\") Some(\"坏的\"): entries[1].state.scenario.industries[0].growth_pct[0]: expected a number, found \"oops\"",
            "2 Some(\"a\") Some(\"趋势\"): entries[2].id: expected an id no other entry has, found “a”",
        ]
    "#]]
    .assert_debug_eq(&skipped);
    assert_eq!(
        decoded.problems[0].message(false),
        "extra: not a field of format version 1"
    );
    // Whole-library failures: foreign data, another plan, a newer version.
    assert!(matches!(
        decode_library(&PLAN, "{\"format\":\"x\"}"),
        Err(FileError::WrongFormat { .. })
    ));
    assert!(matches!(
        decode_library(&PLAN, &json.replacen("\"version\": 1", "\"version\": 9", 1)),
        Err(FileError::FutureVersion { version: 9 })
    ));
    assert!(matches!(
        decode_library(&PLAN, &encode_file(&PLAN, &ShareState::defaults(&PLAN))),
        Err(FileError::WrongFormat { .. })
    ));
}

/// The CSV export's record writer writes what the `csv` crate's writer does
/// with the export's settings (CRLF, quoting only where needed), for fields
/// of commas, quotes, line breaks, spaces, Chinese and nothing. Records of
/// two fields or more: the crate quotes a record's lone empty field, and
/// the export never writes a record of one field.
#[test]
fn csv_records_are_written_as_the_csv_crate_writes_them() {
    let record = prop::collection::vec("[a-z0-9,\"\r\n ;'.中%-]{0,6}", 2..6);
    let result = runner(500).run(&record, |fields| {
        let mut ours = String::new();
        write_csv_record(&mut ours, &fields);
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        prop_assert!(writer.write_record(&fields).is_ok());
        let theirs = writer.into_inner().map(String::from_utf8);
        prop_assert_eq!(Some(ours), theirs.ok().and_then(Result::ok));
        Ok(())
    });
    if let Err(error) = result {
        panic!("{error}");
    }
}

#[test]
fn csv_has_every_series_with_names_units_and_years() {
    let projection = project(&PLAN, &DEFAULTS);
    let zh = projection_csv(&PLAN, &projection, true);
    assert!(zh.starts_with('\u{feff}'));
    let rows: Vec<Vec<String>> = zh
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|row| !row.is_empty())
        .map(|row| row.split(',').map(str::to_string).collect())
        .collect();
    let first_columns: Vec<String> = rows
        .iter()
        .map(|row| format!("{} | {} | {} | {} cells", row[0], row[1], row[2], row.len()))
        .collect();
    expect![[r#"
        [
            "id | 序列 | 单位 | 15 cells",
            "industry.vegetables | 品质蔬菜 | 亿元(产值) | 15 cells",
            "industry.chemicals | 高端化工 | 亿元(主营业务收入) | 15 cells",
            "industry.paper | 生态造纸 | 亿元(主营业务收入) | 15 cells",
            "industry.logistics | 智慧物流 | 亿元(主营业务收入) | 15 cells",
            "industry.new_materials | 新材料 | 亿元(主营业务收入) | 15 cells",
            "industry.information_technology | 新一代信息技术 | 亿元(主营业务收入) | 15 cells",
            "industry.equipment | 装备制造 | 亿元(主营业务收入) | 15 cells",
            "industry.health | 医养健康 | 亿元(主营业务收入) | 15 cells",
            "traditional_total | 传统产业合计 | 亿元 | 15 cells",
            "emerging_total | 新兴产业合计 | 亿元 | 15 cells",
            "emerging_share | 新兴产业占全部产业比重 | % | 15 cells",
            "lead_ratio | 新动能主导比(新兴/传统收入) | 倍 | 15 cells",
            "gdp | 地区生产总值 | 亿元 | 15 cells",
            "employment | 就业人数 | 万人 | 15 cells",
            "productivity | 全员劳动生产率 | 万元/人 | 15 cells",
            "sei_share | 战略性新兴产业增加值占GDP比重 | % | 15 cells",
            "high_tech_share | 高新技术产业产值占规模以上工业产值比重 | % | 15 cells",
            "rd_share | 研发经费占GDP比重 | % | 15 cells",
        ]
    "#]]
    .assert_debug_eq(&first_columns);
    assert_eq!(rows[0][3..].first().map(String::as_str), Some("2017"));
    assert_eq!(rows[0].last().map(String::as_str), Some("2028"));
    // Values read back exactly.
    let chemicals_2022: f64 = rows[2][3 + 5].parse().unwrap_or(f64::NAN);
    assert_eq!(
        Some(chemicals_2022),
        projection.value(pathways::model::SeriesId::Industry(1), 2022)
    );
    // English names are quoted where they hold commas.
    let en = projection_csv(&PLAN, &projection, false);
    assert!(en.starts_with("\u{feff}id,series,unit,2017,"));
    assert!(en.contains("\r\nlead_ratio,Lead ratio (emerging / traditional revenue),ratio,"));
    assert!(en
        .contains("\r\nsei_share,\"Strategic emerging industries' value added, share of GDP\",%,"));
}
