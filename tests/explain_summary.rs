//! The written summary: golden texts for the three presets in both
//! languages, and targeted checks of grammar and content.

use expect_test::{expect, Expect};
use pathways::explain::summary;
use pathways::model::{apply_preset, evaluate, monte_carlo, project, Bands, Plan, Scenario};

fn plan() -> Plan {
    Plan::shouguang_2018().expect("the embedded plan loads")
}

fn text_of(plan: &Plan, scenario: &Scenario, bands: Option<&Bands>, zh: bool) -> String {
    let defaults = pathways::model::plan_defaults(plan);
    let evaluations = evaluate(plan, scenario, &project(plan, scenario));
    summary(plan, scenario, &defaults, &evaluations, bands, zh).join("\n\n")
}

/// The summary of a preset, with Monte Carlo bands at the plan's settings,
/// in one language, against its golden text.
fn check(preset_id: &str, zh: bool, expected: Expect) {
    let plan = plan();
    let scenario = apply_preset(&plan, preset_id).expect("the preset exists");
    let bands = monte_carlo(&plan, &scenario);
    expected.assert_eq(&text_of(&plan, &scenario, Some(&bands), zh));
}

#[test]
fn plan_pace_zh() {
    check(
        "plan_pace",
        true,
        expect![[r#"
            按当前假设,2022年11项预测目标中9项实现、2项未实现;2028年5项预测目标中1项实现、4项未实现。

            差距最大的是战略性新兴产业增加值占GDP比重(按解读延续的目标):2028年预测20.03%,目标22.00%,差1.97个百分点。其次是高新技术产业产值占规模以上工业产值比重(按解读延续的目标):2028年预测38.28%,目标40.50%,差2.22个百分点。

            2028年“新动能主导”检验未通过:新兴产业收入是传统产业(不含以产值计的品质蔬菜)的0.68倍,低于门槛1.00倍;此外战略性新兴产业增加值占GDP比重、高新技术产业产值占规模以上工业产值比重和研发投入占GDP比重未达到延续到2028年的目标。决定检验结果的主要是高端化工(−1677亿元)、新材料(+703亿元)和生态造纸(−413亿元):新兴产业计正、传统产业计负,合计差额−730亿元。

            按当前不确定性设定(10,000次模拟),实现的可能性:2022年战略性新兴产业增加值占GDP比重约2成;2022年高新技术产业产值占规模以上工业产值比重约2成;2022年研发投入占GDP比重约5成;2022年全员劳动生产率约6成;2028年新兴产业收入达到门槛不足1成。

            所有输入均为默认设定。

            以下2017年基数仍是本应用的假设,并非公布数据:全部8个产业的收入或产值、全员劳动生产率、战略性新兴产业增加值占比、高新技术产业产值占比和研发投入占GDP比重。有实际数据时请替换,结论会随之变化。各产业的增加值率等联系参数也是假设。"#]],
    );
}

#[test]
fn plan_pace_en() {
    check(
        "plan_pace",
        false,
        expect![[r#"
            Under the current assumptions, in 2022, 9 of the 11 projected goals are met (2 goals are missed); in 2028, 1 of the 5 projected goals is met (4 goals are missed).

            The largest shortfall is strategic emerging industries' value added as a share of GDP (the goal as continued by interpretation): 20.03% projected for 2028 against a goal of 22.00%, short by 1.97 percentage points. Next is high-tech output as a share of above-scale industrial output (the goal as continued by interpretation): 38.28% projected for 2028 against a goal of 40.50%, short by 2.22 percentage points.

            The 2028 “new drivers lead” test fails: emerging industries' revenue is 0.68 times the traditional industries' (quality vegetables left out: measured by output value), below the threshold of 1.00; also, strategic emerging industries' value added as a share of GDP, high-tech output as a share of above-scale industrial output and R&D spending as a share of GDP do not reach their continued 2028 targets. It is decided mostly by high-end chemicals (−167.7 billion yuan), new materials (+70.3 billion yuan) and ecological paper (−41.3 billion yuan), counting emerging industries positive and traditional ones negative; the margin is −73.0 billion yuan.

            Under the current uncertainty settings (10,000 runs), the chances of meeting the headline goals are 16% for strategic emerging industries' value added as a share of GDP in 2022; 21% for high-tech output as a share of above-scale industrial output in 2022; 50% for R&D spending as a share of GDP in 2022; 57% for labour productivity in 2022; 3% for emerging revenue reaching the 2028 threshold.

            All inputs are at their defaults.

            These 2017 values are still the app's assumptions, not published data: the revenue or output value of all 8 industries, labour productivity, the strategic emerging industries' share of GDP, the high-tech share of industrial output and R&D spending as a share of GDP. Replace them when actual figures are known; the conclusions move with them. The industries' links to the economy (value-added ratios and the like) are assumptions too."#]],
    );
}

#[test]
fn trend_zh() {
    check(
        "trend",
        true,
        expect![[r#"
            按当前假设,2022年11项预测目标无一实现、1项接近;2028年5项预测目标无一实现、1项接近。

            差距最大的是新一代信息技术主营业务收入:2022年预测70.5亿元,目标100亿元,差29.5亿元(29.5%)。其次是战略性新兴产业增加值占GDP比重(按解读延续的目标):2028年预测16.14%,目标22.00%,差5.86个百分点。

            2028年“新动能主导”检验未通过:新兴产业收入是传统产业(不含以产值计的品质蔬菜)的0.63倍,低于门槛1.00倍;此外战略性新兴产业增加值占GDP比重、高新技术产业产值占规模以上工业产值比重、研发投入占GDP比重和全员劳动生产率未达到延续到2028年的目标。决定检验结果的主要是高端化工(−1234亿元)、新材料(+583亿元)和生态造纸(−354亿元):新兴产业计正、传统产业计负,合计差额−631亿元。

            按当前不确定性设定(10,000次模拟),实现的可能性:2022年战略性新兴产业增加值占GDP比重不足1成;2022年高新技术产业产值占规模以上工业产值比重约2成;2022年研发投入占GDP比重约2成;2022年全员劳动生产率约2成;2028年新兴产业收入达到门槛不足1成。

            与默认设定相比,改动了高端化工2018—2022年增速(9.0%→6.0%)、高端化工2023—2028年增速(9.0%→6.0%)、生态造纸2018—2022年增速(5.5%→4.0%)、生态造纸2023—2028年增速(5.5%→4.0%),另有10项。

            以下2017年基数仍是本应用的假设,并非公布数据:全部8个产业的收入或产值、全员劳动生产率、战略性新兴产业增加值占比、高新技术产业产值占比和研发投入占GDP比重。有实际数据时请替换,结论会随之变化。各产业的增加值率等联系参数也是假设。"#]],
    );
}

#[test]
fn trend_en() {
    check(
        "trend",
        false,
        expect![[r#"
            Under the current assumptions, in 2022, none of the 11 projected goals is met (1 goal is close); in 2028, none of the 5 projected goals is met (1 goal is close).

            The largest shortfall is new-generation IT revenue: 7.0 billion yuan projected for 2022 against a goal of 10.0 billion yuan, short by 3.0 billion yuan (29.5%). Next is strategic emerging industries' value added as a share of GDP (the goal as continued by interpretation): 16.14% projected for 2028 against a goal of 22.00%, short by 5.86 percentage points.

            The 2028 “new drivers lead” test fails: emerging industries' revenue is 0.63 times the traditional industries' (quality vegetables left out: measured by output value), below the threshold of 1.00; also, strategic emerging industries' value added as a share of GDP, high-tech output as a share of above-scale industrial output, R&D spending as a share of GDP and labour productivity do not reach their continued 2028 targets. It is decided mostly by high-end chemicals (−123.4 billion yuan), new materials (+58.3 billion yuan) and ecological paper (−35.4 billion yuan), counting emerging industries positive and traditional ones negative; the margin is −63.1 billion yuan.

            Under the current uncertainty settings (10,000 runs), the chances of meeting the headline goals are 4% for strategic emerging industries' value added as a share of GDP in 2022; 19% for high-tech output as a share of above-scale industrial output in 2022; 22% for R&D spending as a share of GDP in 2022; 23% for labour productivity in 2022; 2% for emerging revenue reaching the 2028 threshold.

            Inputs that differ from the defaults: high-end chemicals growth 2018–2022 (9.0% → 6.0%), high-end chemicals growth 2023–2028 (9.0% → 6.0%), ecological paper growth 2018–2022 (5.5% → 4.0%), ecological paper growth 2023–2028 (5.5% → 4.0%) and 10 more.

            These 2017 values are still the app's assumptions, not published data: the revenue or output value of all 8 industries, labour productivity, the strategic emerging industries' share of GDP, the high-tech share of industrial output and R&D spending as a share of GDP. Replace them when actual figures are known; the conclusions move with them. The industries' links to the economy (value-added ratios and the like) are assumptions too."#]],
    );
}

#[test]
fn stress_zh() {
    check(
        "stress",
        true,
        expect![[r#"
            按当前假设,2022年11项预测目标无一实现;2028年5项预测目标无一实现。

            差距最大的是新一代信息技术主营业务收入:2022年预测55.9亿元,目标100亿元,差44.1亿元(44.1%)。其次是战略性新兴产业增加值占GDP比重(按解读延续的目标):2028年预测13.03%,目标22.00%,差8.97个百分点。

            2028年“新动能主导”检验未通过:新兴产业收入是传统产业(不含以产值计的品质蔬菜)的0.64倍,低于门槛1.00倍;此外战略性新兴产业增加值占GDP比重、高新技术产业产值占规模以上工业产值比重、研发投入占GDP比重和全员劳动生产率未达到延续到2028年的目标。决定检验结果的主要是高端化工(−812亿元)、新材料(+387亿元)和生态造纸(−231亿元):新兴产业计正、传统产业计负,合计差额−408亿元。

            按当前不确定性设定(10,000次模拟),实现的可能性:2022年战略性新兴产业增加值占GDP比重不足1成;2022年高新技术产业产值占规模以上工业产值比重约2成;2022年研发投入占GDP比重不足1成;2022年全员劳动生产率不足1成;2028年新兴产业收入达到门槛不足1成。

            与默认设定相比,改动了品质蔬菜2018—2022年增速(3.0%→0.0%)、品质蔬菜2023—2028年增速(3.0%→0.0%)、高端化工2018—2022年增速(9.0%→3.0%)、高端化工2023—2028年增速(9.0%→3.0%),另有13项。

            以下2017年基数仍是本应用的假设,并非公布数据:全部8个产业的收入或产值、全员劳动生产率、战略性新兴产业增加值占比、高新技术产业产值占比和研发投入占GDP比重。有实际数据时请替换,结论会随之变化。各产业的增加值率等联系参数也是假设。"#]],
    );
}

#[test]
fn stress_en() {
    check(
        "stress",
        false,
        expect![[r#"
            Under the current assumptions, in 2022, none of the 11 projected goals is met; in 2028, none of the 5 projected goals is met.

            The largest shortfall is new-generation IT revenue: 5.6 billion yuan projected for 2022 against a goal of 10.0 billion yuan, short by 4.4 billion yuan (44.1%). Next is strategic emerging industries' value added as a share of GDP (the goal as continued by interpretation): 13.03% projected for 2028 against a goal of 22.00%, short by 8.97 percentage points.

            The 2028 “new drivers lead” test fails: emerging industries' revenue is 0.64 times the traditional industries' (quality vegetables left out: measured by output value), below the threshold of 1.00; also, strategic emerging industries' value added as a share of GDP, high-tech output as a share of above-scale industrial output, R&D spending as a share of GDP and labour productivity do not reach their continued 2028 targets. It is decided mostly by high-end chemicals (−81.2 billion yuan), new materials (+38.7 billion yuan) and ecological paper (−23.1 billion yuan), counting emerging industries positive and traditional ones negative; the margin is −40.8 billion yuan.

            Under the current uncertainty settings (10,000 runs), the chances of meeting the headline goals are <1% for strategic emerging industries' value added as a share of GDP in 2022; 20% for high-tech output as a share of above-scale industrial output in 2022; <1% for R&D spending as a share of GDP in 2022; 1% for labour productivity in 2022; 2% for emerging revenue reaching the 2028 threshold.

            Inputs that differ from the defaults: quality vegetables growth 2018–2022 (3.0% → 0.0%), quality vegetables growth 2023–2028 (3.0% → 0.0%), high-end chemicals growth 2018–2022 (9.0% → 3.0%), high-end chemicals growth 2023–2028 (9.0% → 3.0%) and 13 more.

            These 2017 values are still the app's assumptions, not published data: the revenue or output value of all 8 industries, labour productivity, the strategic emerging industries' share of GDP, the high-tech share of industrial output and R&D spending as a share of GDP. Replace them when actual figures are known; the conclusions move with them. The industries' links to the economy (value-added ratios and the like) are assumptions too."#]],
    );
}

// ---------------------------------------------------------------------------
// Targeted checks.

fn plan_pace(plan: &Plan) -> Scenario {
    pathways::model::plan_defaults(plan)
}

fn paragraphs(plan: &Plan, scenario: &Scenario, zh: bool) -> Vec<String> {
    let defaults = plan_pace(plan);
    let evaluations = evaluate(plan, scenario, &project(plan, scenario));
    summary(plan, scenario, &defaults, &evaluations, None, zh)
}

#[test]
fn counts_agree_in_number_with_their_nouns() {
    let plan = plan();
    let scenario = plan_pace(&plan);
    let mut evaluations = evaluate(&plan, &scenario, &project(&plan, &scenario));
    // 2022: everything met but one close goal; 2028: one met, three missed,
    // the rest close.
    let mut n_2028 = 0;
    for evaluation in &mut evaluations {
        if evaluation.year == 2022 {
            evaluation.status = pathways::model::Status::Met;
        } else {
            evaluation.status = match n_2028 {
                0 => pathways::model::Status::Met,
                1..=3 => pathways::model::Status::Missed,
                _ => pathways::model::Status::Close,
            };
            n_2028 += 1;
        }
    }
    if let Some(first_2022) = evaluations.iter_mut().find(|e| e.year == 2022) {
        first_2022.status = pathways::model::Status::Close;
    }
    let en = summary(&plan, &scenario, &scenario, &evaluations, None, false);
    assert_eq!(
        en[0],
        "Under the current assumptions, in 2022, 10 of the 11 projected goals are met \
         (1 goal is close); in 2028, 1 of the 5 projected goals is met \
         (1 goal is close and 3 goals are missed)."
    );
    let zh = summary(&plan, &scenario, &scenario, &evaluations, None, true);
    assert_eq!(
        zh[0],
        "按当前假设,2022年11项预测目标中10项实现、1项接近;2028年5项预测目标中1项实现、1项接近、3项未实现。"
    );
    for evaluation in &mut evaluations {
        evaluation.status = pathways::model::Status::Met;
    }
    let en = summary(&plan, &scenario, &scenario, &evaluations, None, false);
    assert_eq!(
        en[0],
        "Under the current assumptions, in 2022, all 11 projected goals are met; \
         in 2028, all 5 projected goals are met."
    );
    let zh = summary(&plan, &scenario, &scenario, &evaluations, None, true);
    assert_eq!(
        zh[0],
        "按当前假设,2022年11项预测目标全部实现;2028年5项预测目标全部实现。"
    );
    // With nothing missed, no shortfall paragraph.
    assert!(!zh[1].starts_with("差距最大"), "{zh:?}");
}

#[test]
fn a_changed_input_appears_with_its_old_and_new_value() {
    let plan = plan();
    let mut scenario = plan_pace(&plan);
    scenario.set_growth_pct(1, 0, 6.0).expect("in range");
    let en = paragraphs(&plan, &scenario, false);
    assert!(
        en.contains(
            &"One input differs from the defaults: high-end chemicals growth 2018–2022 (9.0% → 6.0%)."
                .to_string()
        ),
        "{en:#?}"
    );
    let zh = paragraphs(&plan, &scenario, true);
    assert!(
        zh.contains(&"与默认设定相比,改动了高端化工2018—2022年增速(9.0%→6.0%)。".to_string()),
        "{zh:#?}"
    );
    // Chemicals now miss by most, in 亿元 / billion yuan.
    assert!(
        zh[1].starts_with(
            "差距最大的是高端化工主营业务收入:2022年预测870亿元,目标1000亿元,差130亿元(13.0%)。"
        ),
        "{}",
        zh[1]
    );
    assert!(
        en[1].starts_with(
            "The largest shortfall is high-end chemicals revenue: 87.0 billion yuan projected \
             for 2022 against a goal of 100.0 billion yuan, short by 13.0 billion yuan (13.0%)."
        ),
        "{}",
        en[1]
    );
}

#[test]
fn more_than_four_changes_are_counted_not_listed() {
    let plan = plan();
    let mut scenario = plan_pace(&plan);
    scenario.industries[4].base_yi_yuan = 300.0;
    scenario.economy.gdp_base_yi_yuan = 950.0;
    scenario.uncertainty.runs = 2000;
    scenario.interpretation.emerging_to_traditional_min_ratio = 0.8;
    scenario.interpretation.include_vegetables = true;
    scenario.interpretation.continue_increments = false;
    let en = paragraphs(&plan, &scenario, false);
    let changes = en
        .iter()
        .find(|p| p.starts_with("Inputs that differ"))
        .expect("a paragraph of changes");
    assert!(changes.ends_with(" and 2 more."), "{changes}");
    assert!(changes.contains("new materials 2017 base (250 → 300, in 100 million yuan)"));
    let zh = paragraphs(&plan, &scenario, true);
    let changes = zh
        .iter()
        .find(|p| p.starts_with("与默认设定相比"))
        .expect("a paragraph of changes");
    assert!(changes.ends_with(",另有2项。"), "{changes}");
    // The changed base values are no longer listed as assumptions.
    let assumptions = en.last().expect("the assumptions paragraph");
    assert!(
        assumptions.contains("the revenue or output value of quality vegetables, high-end chemicals and 5 more industries"),
        "{assumptions}"
    );
    assert!(!assumptions.contains(", GDP,"), "{assumptions}");
    let assumptions = zh.last().expect("the assumptions paragraph");
    assert!(
        assumptions.contains("品质蔬菜、高端化工等7个产业的收入或产值"),
        "{assumptions}"
    );
}

#[test]
fn a_met_test_reads_as_passed_with_the_year_it_is_reached() {
    let plan = plan();
    let mut scenario = plan_pace(&plan);
    // Only the lead ratio is judged, and the emerging industries boom.
    scenario.interpretation.continue_increments = false;
    scenario.interpretation.continue_productivity_growth = false;
    for industry_idx in 4..8 {
        for phase in 0..2 {
            scenario
                .set_growth_pct(industry_idx, phase, 25.0)
                .expect("in range");
        }
    }
    let evaluations = evaluate(&plan, &scenario, &project(&plan, &scenario));
    let ratio = evaluations
        .iter()
        .find(|e| e.goal_id == "aim.2028" && e.year == 2028)
        .expect("the lead ratio is evaluated");
    let first = ratio.first_year_reached.expect("reached");
    let zh = paragraphs(&plan, &scenario, true);
    let lead = zh
        .iter()
        .find(|p| p.starts_with("2028年“新动能主导”检验"))
        .expect("a paragraph on the test");
    assert!(lead.starts_with("2028年“新动能主导”检验通过:"), "{lead}");
    assert!(
        lead.contains(&format!("达到门槛1.00倍({first}年起达到)")),
        "{lead}"
    );
    let en = paragraphs(&plan, &scenario, false);
    let lead = en
        .iter()
        .find(|p| p.starts_with("The 2028 “new drivers lead” test"))
        .expect("a paragraph on the test");
    assert!(
        lead.starts_with("The 2028 “new drivers lead” test passes:"),
        "{lead}"
    );
    assert!(
        lead.contains(&format!("reaching the threshold of 1.00 from {first} on")),
        "{lead}"
    );
    assert!(lead.contains("the margin is +"), "{lead}");
}

#[test]
fn counting_vegetables_changes_the_scope_of_the_test() {
    let plan = plan();
    let mut scenario = plan_pace(&plan);
    scenario.interpretation.include_vegetables = true;
    let zh = paragraphs(&plan, &scenario, true);
    let lead = zh
        .iter()
        .find(|p| p.starts_with("2028年“新动能主导”检验"))
        .expect("a paragraph on the test");
    assert!(!lead.contains("不含以产值计的品质蔬菜"), "{lead}");
    let default_lead = paragraphs(&plan, &plan_pace(&plan), true)
        .into_iter()
        .find(|p| p.starts_with("2028年“新动能主导”检验"))
        .expect("a paragraph on the test");
    assert!(default_lead.contains("不含以产值计的品质蔬菜"));
    assert_ne!(lead, &default_lead);
}

#[test]
fn probabilities_appear_only_with_bands() {
    let plan = plan();
    let scenario = plan_pace(&plan);
    let without = text_of(&plan, &scenario, None, true);
    assert!(!without.contains("实现的可能性"));
    let mut small = scenario.clone();
    small.uncertainty.runs = 200;
    let bands = monte_carlo(&plan, &small);
    let with = text_of(&plan, &small, Some(&bands), false);
    assert!(with.contains("(200 runs)"), "{with}");
}

#[test]
fn the_summary_follows_every_slider() {
    let plan = plan();
    let base = paragraphs(&plan, &plan_pace(&plan), true);
    let mut seen = vec![base.clone()];
    for (industry_idx, growth) in [(1, 8.5), (4, 12.0), (7, 2.0)] {
        let mut scenario = plan_pace(&plan);
        scenario
            .set_growth_pct(industry_idx, 0, growth)
            .expect("in range");
        let text = paragraphs(&plan, &scenario, true);
        assert!(!seen.contains(&text), "{text:#?}");
        seen.push(text);
    }
}

#[test]
fn a_degenerate_evaluation_list_still_gives_text() {
    let plan = plan();
    let scenario = plan_pace(&plan);
    for zh in [true, false] {
        let text = summary(&plan, &scenario, &scenario, &[], None, zh);
        assert_eq!(text.len(), 2, "changes and assumptions only: {text:?}");
    }
}
