//! CSV of every projected series, for Excel.

use crate::model::{Plan, Projection, SeriesId};

use super::number::format_f64;

/// The series of the CSV in order after the industries, with a stable id,
/// a name and a unit in Chinese and English.
const OTHER_SERIES: [(SeriesId, &str, [&str; 2], [&str; 2]); 10] = [
    (
        SeriesId::Traditional,
        "traditional_total",
        ["传统产业合计", "Traditional industries, total"],
        ["亿元", "100 million yuan"],
    ),
    (
        SeriesId::Emerging,
        "emerging_total",
        ["新兴产业合计", "Emerging industries, total"],
        ["亿元", "100 million yuan"],
    ),
    (
        SeriesId::EmergingSharePct,
        "emerging_share",
        [
            "新兴产业占全部产业比重",
            "Emerging share of all the plan's industries",
        ],
        ["%", "%"],
    ),
    (
        SeriesId::LeadRatio,
        "lead_ratio",
        [
            "新动能主导比(新兴/传统收入)",
            "Lead ratio (emerging / traditional revenue)",
        ],
        ["倍", "ratio"],
    ),
    (
        SeriesId::Gdp,
        "gdp",
        ["地区生产总值", "GDP"],
        ["亿元", "100 million yuan"],
    ),
    (
        SeriesId::Employment,
        "employment",
        ["就业人数", "Employment"],
        ["万人", "10 thousand persons"],
    ),
    (
        SeriesId::Productivity,
        "productivity",
        ["全员劳动生产率", "Labour productivity"],
        ["万元/人", "10 thousand yuan per person"],
    ),
    (
        SeriesId::SeiShare,
        "sei_share",
        [
            "战略性新兴产业增加值占GDP比重",
            "Strategic emerging industries' value added, share of GDP",
        ],
        ["%", "%"],
    ),
    (
        SeriesId::HighTechShare,
        "high_tech_share",
        [
            "高新技术产业产值占规模以上工业产值比重",
            "High-tech output, share of above-scale industrial output",
        ],
        ["%", "%"],
    ),
    (
        SeriesId::RdShare,
        "rd_share",
        ["研发经费占GDP比重", "R&D spending, share of GDP"],
        ["%", "%"],
    ),
];

/// Every projected series as CSV: UTF-8 with a byte-order mark (so Excel
/// reads the Chinese names), CRLF line ends, one row per series (the
/// industries in the plan's order, group totals, the emerging share, the lead
/// ratio, GDP, employment, productivity and the three indicator shares), the
/// columns `id`, name, unit and one per year. Values are the exact
/// projection (shortest round-trip decimals); a non-finite value is an
/// empty cell.
///
/// ```
/// use pathways::model::{project, Plan, Scenario};
/// use pathways::share::projection_csv;
/// let plan = Plan::shouguang_2018().unwrap();
/// let projection = project(&plan, &pathways::model::plan_defaults(&plan));
/// let csv = projection_csv(&plan, &projection, true);
/// assert!(csv.starts_with("\u{feff}id,序列,单位,2017,2018,"));
/// assert!(csv.contains("\r\nindustry.chemicals,高端化工,亿元(主营业务收入),650,"));
/// assert_eq!(csv.lines().count(), 1 + 8 + 10);
/// ```
pub fn projection_csv(plan: &Plan, projection: &Projection, lang_is_zh: bool) -> String {
    fn pick_in(lang_is_zh: bool, pair: [&str; 2]) -> &str {
        if lang_is_zh {
            pair[0]
        } else {
            pair[1]
        }
    }
    let pick = |pair| pick_in(lang_is_zh, pair);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut header = vec![
        "id".to_string(),
        pick(["序列", "series"]).to_string(),
        pick(["单位", "unit"]).to_string(),
    ];
    header.extend(projection.years().iter().map(u16::to_string));
    rows.push(header);
    let values = |series: SeriesId| {
        projection.series(series).iter().map(|&value| {
            if value.is_finite() {
                format_f64(value)
            } else {
                String::new()
            }
        })
    };
    for (industry_idx, industry) in plan.industries.iter().enumerate() {
        let mut row = vec![
            format!("industry.{}", industry.id),
            pick([&industry.name.zh, &industry.name.en]).to_string(),
            pick([&industry.unit.zh, &industry.unit.en]).to_string(),
        ];
        row.extend(values(SeriesId::Industry(industry_idx)));
        rows.push(row);
    }
    for (series, id, name, unit) in OTHER_SERIES {
        let mut row = vec![
            id.to_string(),
            pick(name).to_string(),
            pick(unit).to_string(),
        ];
        row.extend(values(series));
        rows.push(row);
    }
    let mut csv = String::from("\u{feff}");
    for row in &rows {
        write_csv_record(&mut csv, row);
    }
    csv
}

/// One CSV record as RFC 4180 writes it (and the `csv` crate with its
/// default quoting, which `tests/share_file.rs` checks this against): a
/// field is quoted when it holds a comma, a quote or a line break, a quote
/// inside is doubled, and the record ends with CRLF. Written here rather
/// than through `csv::Writer` because that writer's optional "quote what is
/// not a number" style links the standard library's float and 128-bit
/// integer parsers into the bundle whether or not it is used. The writer
/// alone was 2.8 KB of the gzipped wasm; with it gone and typed numbers read
/// by `share::parse_decimal`, the float parser went too: 16.1 KB in all.
pub fn write_csv_record(csv: &mut String, fields: &[String]) {
    for (idx, field) in fields.iter().enumerate() {
        if idx > 0 {
            csv.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            csv.push('"');
            csv.push_str(&field.replace('"', "\"\""));
            csv.push('"');
        } else {
            csv.push_str(field);
        }
    }
    csv.push_str("\r\n");
}
