//! Every numeric input's allowed range, as named constants, in one place:
//! the plan reader, [`super::Scenario::validate`], the field table
//! ([`super::field`]) and the presets all read them from here.

use std::ops::RangeInclusive;

/// Growth of an industry or of the rest of the economy, percent per year.
pub const GROWTH_PCT: RangeInclusive<f64> = -30.0..=60.0;
/// A one-year shock, percentage points added to that year's growth.
pub const SHOCK_PCT: RangeInclusive<f64> = -50.0..=50.0;
/// Base-year revenue or output value of an industry, 亿元.
pub const BASE_YI_YUAN: RangeInclusive<f64> = 0.01..=100_000.0;
/// Base-year GDP, 亿元.
pub const GDP_YI_YUAN: RangeInclusive<f64> = 1.0..=1_000_000.0;
/// Base-year labour productivity, 万元 per person.
pub const PRODUCTIVITY_WAN_YUAN: RangeInclusive<f64> = 0.1..=1_000.0;
/// A share in percent.
pub const SHARE_PCT: RangeInclusive<f64> = 0.0..=100.0;
/// A ratio or fraction between 0 and 1.
pub const RATIO: RangeInclusive<f64> = 0.0..=1.0;
/// Yearly change of an industry's high-tech fraction (upgrading within the
/// industry), percentage points per year.
pub const HIGH_TECH_UPGRADE_PP: RangeInclusive<f64> = -10.0..=10.0;
/// Employment growth, percent per year.
pub const EMPLOYMENT_GROWTH_PCT: RangeInclusive<f64> = -10.0..=10.0;
/// Yearly change of R&D per yuan of high-tech revenue, percent.
pub const RD_INTENSITY_CHANGE_PCT: RangeInclusive<f64> = -20.0..=20.0;
/// Uncertainty of an industry's average growth rate in a phase, pp.
pub const SIGMA_PP: RangeInclusive<f64> = 0.0..=30.0;
/// Correlation of the industries' shocks through the common shock.
pub const CORRELATION: RangeInclusive<f64> = 0.0..=1.0;
/// Number of Monte Carlo runs.
pub const RUNS: RangeInclusive<u32> = 1..=100_000;
/// The 2028 test's minimum ratio of emerging to traditional revenue.
pub const LEAD_RATIO: RangeInclusive<f64> = 0.1..=10.0;
/// The "close" tolerance of goal evaluation, percent of the target.
pub const CLOSE_TOLERANCE_PCT: RangeInclusive<f64> = 0.0..=50.0;
/// At most this many one-year shocks.
pub const MAX_SHOCKS: usize = 64;
/// The smallest growth factor of one year (a fall of at most 99 %), so that
/// stacked shocks or random draws never make a level negative.
pub const GROWTH_FACTOR_FLOOR: f64 = 0.01;
