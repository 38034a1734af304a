//! One stable sort for the few short lists the app orders (the checkpoint
//! years, the summary's shortfalls and deciding industries, the sensitivity
//! bars).
//!
//! Every `sort_by` or `sort_unstable` call on a new type compiles its own
//! copy of a standard library sort (3–4 KB of wasm each, for lists of a
//! dozen items); this sorts positions through one copy, whatever the
//! items, then moves the items into that order. Same result as `sort_by`:
//! stable, and the order `compare` gives.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably (equal items keep their order).
pub fn sort_stable_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|idx| slots.get_mut(idx)?.take()),
    );
}

/// The one instance of the standard stable sort.
fn sort_positions(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_as_sort_by_does_and_keeps_ties_in_place() {
        let items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (0, 'f')];
        let mut expected = items.clone();
        expected.sort_by_key(|item| std::cmp::Reverse(item.0));
        let mut sorted = items;
        sort_stable_by(&mut sorted, |x, y| y.0.cmp(&x.0));
        assert_eq!(sorted, expected);
        assert_eq!(
            sorted,
            vec![(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e'), (0, 'f')]
        );
    }

    #[test]
    fn empty_and_single_lists() {
        let mut empty: Vec<f64> = Vec::new();
        sort_stable_by(&mut empty, f64::total_cmp);
        assert!(empty.is_empty());
        let mut one = vec![String::from("x")];
        sort_stable_by(&mut one, Ord::cmp);
        assert_eq!(one, ["x"]);
    }
}
