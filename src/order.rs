//! Putting large values in order without moving them many times.

use std::cmp::Ordering;

/// `items` in the order `cmp` gives (stable, like `sort_by`), each item moved once: the sort
/// moves their indexes, not the values (a sort of 30,000 large records moved each many times).
pub(crate) fn sorted_moving_once<T>(items: Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|i| slots[i].take().expect("each index once"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_as_sort_by_does() {
        let items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        let mut expected = items.clone();
        expected.sort_by_key(|a| a.0);
        assert_eq!(sorted_moving_once(items, |a, b| a.0.cmp(&b.0)), expected);
        assert_eq!(
            sorted_moving_once(Vec::<u8>::new(), |a, b| a.cmp(b)),
            Vec::<u8>::new()
        );
    }
}
