//! Times the Monte Carlo simulation of the default scenario with 10,000 runs
//! and prints the median of 30 repetitions. Run with
//! `cargo bench --bench monte_carlo`. No criterion: a plain binary.

use std::hint::black_box;
use std::time::Instant;

use pathways::model::{monte_carlo, monte_carlo_with, Plan, Workspace};

const N_REPETITIONS: usize = 30;

fn median_ms(mut samples_ms: Vec<f64>) -> f64 {
    samples_ms.sort_by(f64::total_cmp);
    samples_ms[samples_ms.len() / 2]
}

fn main() {
    let plan = match Plan::shouguang_2018() {
        Ok(plan) => plan,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    };
    let mut scenario = pathways::model::plan_defaults(&plan);
    scenario.uncertainty.runs = 10_000;

    // Warm up.
    black_box(monte_carlo(&plan, &scenario));

    let fresh_ms: Vec<f64> = (0..N_REPETITIONS)
        .map(|_| {
            let start = Instant::now();
            black_box(monte_carlo(black_box(&plan), black_box(&scenario)));
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let mut workspace = Workspace::default();
    let reused_ms: Vec<f64> = (0..N_REPETITIONS)
        .map(|_| {
            let start = Instant::now();
            black_box(monte_carlo_with(
                black_box(&plan),
                black_box(&scenario),
                &mut workspace,
            ));
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    println!(
        "monte_carlo, 10000 runs, {} series x {} years: median {:.2} ms (fresh buffers), {:.2} ms (reused workspace), {N_REPETITIONS} repetitions",
        plan.industries.len() + 9,
        plan.n_years() - 1,
        median_ms(fresh_ms),
        median_ms(reused_ms),
    );
}
