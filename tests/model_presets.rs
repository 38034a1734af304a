//! Golden snapshots of the presets through one `check` helper: the
//! projection at the milestones, the goal evaluations and a small Monte
//! Carlo. Update with `UPDATE_EXPECT=1 cargo test --test model_presets`.

#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write;

use expect_test::{expect, Expect};
use pathways::model::{
    apply_preset, evaluate, monte_carlo, new_drivers_test, project, tracked_series, Plan, SeriesId,
    Status,
};

fn series_name(plan: &Plan, series: SeriesId) -> String {
    match series {
        SeriesId::Industry(idx) => plan.industries[idx].id.clone(),
        other => format!("{other:?}"),
    }
}

/// Renders a preset's projection (2017, 2022, 2028), evaluations, the 2028
/// test and Monte Carlo (1000 runs) as text.
fn render(preset_id: &str) -> String {
    let plan = Plan::shouguang_2018().unwrap();
    let mut scenario = apply_preset(&plan, preset_id).unwrap();
    scenario.validate(&plan).unwrap();
    let projection = project(&plan, &scenario);
    let mut out = String::new();
    writeln!(out, "growth_pct:").unwrap();
    for (idx, industry) in plan.industries.iter().enumerate() {
        writeln!(
            out,
            "  {:<24}{:>8.3}{:>8.3}",
            industry.id,
            scenario.growth_pct(idx, 0),
            scenario.growth_pct(idx, 1)
        )
        .unwrap();
    }
    writeln!(out, "series                     2017      2022      2028").unwrap();
    for series in tracked_series(plan.industries.len()) {
        let values = [2017, 2022, 2028].map(|year| projection.value(series, year).unwrap());
        writeln!(
            out,
            "  {:<22}{:>10.3}{:>10.3}{:>10.3}",
            series_name(&plan, series),
            values[0],
            values[1],
            values[2]
        )
        .unwrap();
    }
    writeln!(out, "goals:").unwrap();
    let evaluations = evaluate(&plan, &scenario, &projection);
    for evaluation in &evaluations {
        let status = match evaluation.status {
            Status::Met => "met",
            Status::MetInTotal => "total",
            Status::Close => "close",
            Status::Missed => "missed",
        };
        writeln!(
            out,
            "  {:<32}{} target {:>9.3} projected {:>9.3} gap {:>+8.2}% {:<6} need {:>7} first {}{}{}",
            evaluation.goal_id,
            evaluation.year,
            evaluation.target,
            evaluation.projected,
            evaluation.gap_pct,
            status,
            evaluation
                .required_growth_pct
                .map_or("-".to_string(), |growth| format!("{growth:.2}%")),
            evaluation
                .first_year_reached
                .map_or("-".to_string(), |year| year.to_string()),
            if evaluation.interpretation {
                " (interpretation)"
            } else {
                ""
            },
            evaluation.yearly.map_or(String::new(), |yearly| format!(
                " smallest rise {:.3} in {}{}",
                yearly.smallest,
                yearly.smallest_year,
                yearly
                    .first_short_year
                    .map_or(String::new(), |year| format!(", short from {year}"))
            )),
        )
        .unwrap();
    }
    let test = new_drivers_test(&plan, &evaluations);
    writeln!(
        out,
        "2028 new drivers lead: {} ({} criteria)",
        test.met,
        test.criteria.len()
    )
    .unwrap();
    scenario.uncertainty.runs = 1000;
    let bands = monte_carlo(&plan, &scenario);
    writeln!(out, "monte carlo (1000 runs), 2022 and 2028 P10/P50/P90:").unwrap();
    for series in [
        SeriesId::Industry(1),
        SeriesId::Emerging,
        SeriesId::Gdp,
        SeriesId::SeiShare,
    ] {
        let band = bands.band(series).unwrap();
        writeln!(
            out,
            "  {:<16}{:>9.2}{:>9.2}{:>9.2} |{:>9.2}{:>9.2}{:>9.2}",
            series_name(&plan, series),
            band.p10[5],
            band.p50[5],
            band.p90[5],
            band.p10[11],
            band.p50[11],
            band.p90[11]
        )
        .unwrap();
    }
    for probability in bands.goal_probabilities.iter().filter(|p| p.year == 2022) {
        writeln!(
            out,
            "  P({} {}) = {:.3}",
            probability.goal_id, probability.year, probability.probability
        )
        .unwrap();
    }
    out
}

fn check(preset_id: &str, expect: Expect) {
    expect.assert_eq(&render(preset_id));
}

#[test]
fn plan_pace() {
    check(
        "plan_pace",
        expect![[r#"
            growth_pct:
              vegetables                 3.000   3.000
              chemicals                  8.998   8.998
              paper                      5.458   5.458
              logistics                 10.757  10.757
              new_materials              9.856   9.856
              information_technology    20.112  20.112
              equipment                  8.998   8.998
              health                    12.701  12.701
            series                     2017      2022      2028
              vegetables               120.000   139.113   166.108
              chemicals                650.000  1000.000  1676.888
              paper                    230.000   300.000   412.661
              logistics                 60.000   100.000   184.594
              new_materials            250.000   400.000   703.079
              information_technology    40.000   100.000   300.281
              equipment                130.000   200.000   335.378
              health                    55.000   100.000   204.911
              Traditional             1060.000  1539.113  2440.251
              Emerging                 475.000   800.000  1543.648
              EmergingSharePct          30.945    34.201    38.747
              LeadRatio                  0.505     0.571     0.679
              Gdp                      795.073  1002.100  1487.755
              Productivity              12.300    15.121    21.787
              SeiShare                  11.000    14.953    20.033
              HighTechShare             35.000    36.421    38.281
              RdShare                    2.000     2.526     3.023
            goals:
              indicator.sei_share             2022 target    16.000 projected    14.953 gap    -6.54% missed need   7.78% first 2024 smallest rise 0.709 in 2018, short from 2018
              indicator.sei_share             2028 target    22.000 projected    20.033 gap    -8.94% missed need   6.50% first - (interpretation) smallest rise 0.709 in 2018, short from 2018
              indicator.high_tech_share       2022 target    37.500 projected    36.421 gap    -2.88% missed need   1.39% first 2026 smallest rise 0.278 in 2018, short from 2018
              indicator.high_tech_share       2028 target    40.500 projected    38.281 gap    -5.48% missed need   1.34% first - (interpretation) smallest rise 0.278 in 2018, short from 2018
              indicator.rd_share              2022 target     2.500 projected     2.526 gap    +1.03% met    need   4.56% first 2022 smallest rise 0.101 in 2018
              indicator.rd_share              2028 target     3.100 projected     3.023 gap    -2.50% missed need   4.06% first - (interpretation) smallest rise 0.081 in 2023, short from 2023
              indicator.productivity          2022 target    15.000 projected    15.121 gap    +0.81% met    need   4.05% first 2022
              indicator.productivity          2028 target    19.033 projected    21.787 gap   +14.47% met    need   4.05% first 2026 (interpretation)
              aim.2028                        2028 target     1.000 projected     0.679 gap   -32.12% missed need   6.40% first - (interpretation)
              revenue.chemicals               2022 target  1000.000 projected  1000.000 gap    -0.00% met    need   9.00% first 2022
              revenue.paper                   2022 target   300.000 projected   300.000 gap    +0.00% met    need   5.46% first 2022
              revenue.logistics               2022 target   100.000 projected   100.000 gap    +0.00% met    need  10.76% first 2022
              revenue.new_materials           2022 target   400.000 projected   400.000 gap    +0.00% met    need   9.86% first 2022
              revenue.information_technology  2022 target   100.000 projected   100.000 gap    +0.00% met    need  20.11% first 2022
              revenue.equipment               2022 target   200.000 projected   200.000 gap    -0.00% met    need   9.00% first 2022
              revenue.health                  2022 target   100.000 projected   100.000 gap    +0.00% met    need  12.70% first 2022
            2028 new drivers lead: false (5 criteria)
            monte carlo (1000 runs), 2022 and 2028 P10/P50/P90:
              chemicals          826.56   992.16  1181.06 |  1266.66  1671.08  2199.31
              Emerging           624.24   799.18  1001.33 |  1051.52  1578.37  2274.23
              Gdp                921.70  1000.09  1089.44 |  1288.27  1502.27  1774.05
              SeiShare            12.74    14.94    17.16 |    15.85    20.10    24.64
              P(indicator.sei_share 2022) = 0.134
              P(indicator.high_tech_share 2022) = 0.202
              P(indicator.rd_share 2022) = 0.480
              P(indicator.productivity 2022) = 0.538
              P(revenue.chemicals 2022) = 0.471
              P(revenue.paper 2022) = 0.477
              P(revenue.logistics 2022) = 0.480
              P(revenue.new_materials 2022) = 0.481
              P(revenue.information_technology 2022) = 0.492
              P(revenue.equipment 2022) = 0.470
              P(revenue.health 2022) = 0.484
        "#]],
    );
}

#[test]
fn trend() {
    check(
        "trend",
        expect![[r#"
            growth_pct:
              vegetables                 3.000   3.000
              chemicals                  6.000   6.000
              paper                      4.000   4.000
              logistics                  8.000   8.000
              new_materials              8.000   8.000
              information_technology    12.000  12.000
              equipment                  6.000   6.000
              health                     8.000   8.000
            series                     2017      2022      2028
              vegetables               120.000   139.113   166.108
              chemicals                650.000   869.847  1233.894
              paper                    230.000   279.830   354.074
              logistics                 60.000    88.160   139.898
              new_materials            250.000   367.332   582.910
              information_technology    40.000    70.494   139.142
              equipment                130.000   173.969   246.779
              health                    55.000    80.813   128.240
              Traditional             1060.000  1376.949  1893.975
              Emerging                 475.000   692.608  1097.071
              EmergingSharePct          30.945    33.466    36.679
              LeadRatio                  0.505     0.560     0.635
              Gdp                      795.073   946.571  1275.243
              Productivity              12.300    14.283    18.675
              SeiShare                  11.000    13.577    16.145
              HighTechShare             35.000    36.271    37.852
              RdShare                    2.000     2.352     2.631
            goals:
              indicator.sei_share             2022 target    16.000 projected    13.577 gap   -15.14% missed need   7.78% first 2028 smallest rise 0.481 in 2018, short from 2018
              indicator.sei_share             2028 target    22.000 projected    16.145 gap   -26.62% missed need   6.50% first - (interpretation) smallest rise 0.399 in 2023, short from 2018
              indicator.high_tech_share       2022 target    37.500 projected    36.271 gap    -3.28% missed need   1.39% first 2027 smallest rise 0.251 in 2018, short from 2018
              indicator.high_tech_share       2028 target    40.500 projected    37.852 gap    -6.54% missed need   1.34% first - (interpretation) smallest rise 0.251 in 2018, short from 2018
              indicator.rd_share              2022 target     2.500 projected     2.352 gap    -5.91% missed need   4.56% first 2026 smallest rise 0.068 in 2018, short from 2018
              indicator.rd_share              2028 target     3.100 projected     2.631 gap   -15.11% missed need   4.06% first - (interpretation) smallest rise 0.045 in 2023, short from 2018
              indicator.productivity          2022 target    15.000 projected    14.283 gap    -4.78% close  need   4.05% first 2024
              indicator.productivity          2028 target    19.033 projected    18.675 gap    -1.88% close  need   4.05% first - (interpretation)
              aim.2028                        2028 target     1.000 projected     0.635 gap   -36.51% missed need   6.40% first - (interpretation)
              revenue.chemicals               2022 target  1000.000 projected   869.847 gap   -13.02% missed need   9.00% first 2025
              revenue.paper                   2022 target   300.000 projected   279.830 gap    -6.72% missed need   5.46% first 2024
              revenue.logistics               2022 target   100.000 projected    88.160 gap   -11.84% missed need  10.76% first 2024
              revenue.new_materials           2022 target   400.000 projected   367.332 gap    -8.17% missed need   9.86% first 2024
              revenue.information_technology  2022 target   100.000 projected    70.494 gap   -29.51% missed need  20.11% first 2026
              revenue.equipment               2022 target   200.000 projected   173.969 gap   -13.02% missed need   9.00% first 2025
              revenue.health                  2022 target   100.000 projected    80.813 gap   -19.19% missed need  12.70% first 2025
            2028 new drivers lead: false (5 criteria)
            monte carlo (1000 runs), 2022 and 2028 P10/P50/P90:
              chemicals          715.04   862.83  1032.11 |   923.88  1229.82  1630.92
              Emerging           535.08   690.38   872.75 |   735.33  1119.98  1634.38
              Gdp                875.19   945.32  1027.21 |  1124.52  1286.37  1491.48
              SeiShare            11.42    13.56    15.75 |    12.38    16.19    20.56
              P(indicator.sei_share 2022) = 0.033
              P(indicator.high_tech_share 2022) = 0.182
              P(indicator.rd_share 2022) = 0.196
              P(indicator.productivity 2022) = 0.210
              P(revenue.chemicals 2022) = 0.151
              P(revenue.paper 2022) = 0.302
              P(revenue.logistics 2022) = 0.245
              P(revenue.new_materials 2022) = 0.335
              P(revenue.information_technology 2022) = 0.066
              P(revenue.equipment 2022) = 0.248
              P(revenue.health 2022) = 0.141
        "#]],
    );
}

#[test]
fn stress() {
    check(
        "stress",
        expect![[r#"
            growth_pct:
              vegetables                 0.000   0.000
              chemicals                  3.000   3.000
              paper                      1.000   1.000
              logistics                  5.000   5.000
              new_materials              5.000   5.000
              information_technology     9.000   9.000
              equipment                  3.000   3.000
              health                     5.000   5.000
            series                     2017      2022      2028
              vegetables               120.000   108.000   108.000
              chemicals                650.000   680.370   812.397
              paper                    230.000   217.798   231.197
              logistics                 60.000    69.284    92.847
              new_materials            250.000   288.683   386.862
              information_technology    40.000    55.899    93.748
              equipment                130.000   136.074   162.479
              health                    55.000    63.510    85.110
              Traditional             1060.000  1075.452  1244.442
              Emerging                 475.000   544.166   728.199
              EmergingSharePct          30.945    33.598    36.915
              LeadRatio                  0.505     0.562     0.641
              Gdp                      795.073   845.968  1049.641
              Productivity              12.300    12.765    15.371
              SeiShare                  11.000    11.941    13.031
              HighTechShare             35.000    36.336    37.968
              RdShare                    2.000     2.064     2.115
            goals:
              indicator.sei_share             2022 target    16.000 projected    11.941 gap   -25.37% missed need   7.78% first - smallest rise -0.326 in 2020, short from 2018
              indicator.sei_share             2028 target    22.000 projected    13.031 gap   -40.77% missed need   6.50% first - (interpretation) smallest rise -0.326 in 2020, short from 2018
              indicator.high_tech_share       2022 target    37.500 projected    36.336 gap    -3.10% missed need   1.39% first 2027 smallest rise 0.258 in 2018, short from 2018
              indicator.high_tech_share       2028 target    40.500 projected    37.968 gap    -6.25% missed need   1.34% first - (interpretation) smallest rise 0.258 in 2018, short from 2018
              indicator.rd_share              2022 target     2.500 projected     2.064 gap   -17.46% missed need   4.56% first - smallest rise -0.080 in 2020, short from 2018
              indicator.rd_share              2028 target     3.100 projected     2.115 gap   -31.79% missed need   4.06% first - (interpretation) smallest rise -0.080 in 2020, short from 2018
              indicator.productivity          2022 target    15.000 projected    12.765 gap   -14.90% missed need   4.05% first 2028
              indicator.productivity          2028 target    19.033 projected    15.371 gap   -19.24% missed need   4.05% first - (interpretation)
              aim.2028                        2028 target     1.000 projected     0.641 gap   -35.92% missed need   6.40% first - (interpretation)
              revenue.chemicals               2022 target  1000.000 projected   680.370 gap   -31.96% missed need   9.00% first -
              revenue.paper                   2022 target   300.000 projected   217.798 gap   -27.40% missed need   5.46% first -
              revenue.logistics               2022 target   100.000 projected    69.284 gap   -30.72% missed need  10.76% first -
              revenue.new_materials           2022 target   400.000 projected   288.683 gap   -27.83% missed need   9.86% first -
              revenue.information_technology  2022 target   100.000 projected    55.899 gap   -44.10% missed need  20.11% first -
              revenue.equipment               2022 target   200.000 projected   136.074 gap   -31.96% missed need   9.00% first -
              revenue.health                  2022 target   100.000 projected    63.510 gap   -36.49% missed need  12.70% first -
            2028 new drivers lead: false (5 criteria)
            monte carlo (1000 runs), 2022 and 2028 P10/P50/P90:
              chemicals          553.57   674.60   814.26 |   603.41   809.49  1085.07
              Emerging           416.29   543.59   693.02 |   483.84   744.18  1098.47
              Gdp                787.94   844.81   912.08 |   946.21  1057.87  1200.25
              SeiShare             9.89    11.92    14.06 |     9.63    13.13    17.19
              P(indicator.sei_share 2022) = 0.001
              P(indicator.high_tech_share 2022) = 0.197
              P(indicator.rd_share 2022) = 0.001
              P(indicator.productivity 2022) = 0.007
              P(revenue.chemicals 2022) = 0.006
              P(revenue.paper 2022) = 0.013
              P(revenue.logistics 2022) = 0.028
              P(revenue.new_materials 2022) = 0.066
              P(revenue.information_technology 2022) = 0.011
              P(revenue.equipment 2022) = 0.044
              P(revenue.health 2022) = 0.021
        "#]],
    );
}
