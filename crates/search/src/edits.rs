//! How many edits apart two words are: letters inserted, deleted, replaced
//! or two neighbours swapped (the restricted Damerau–Levenshtein distance,
//! as tantivy's fuzzy term queries count with transpositions on).

/// The number of single-letter edits, a swap of neighbours counting one,
/// that turn `a` into `b`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows: two back for a swap, one back, and the one being filled.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let replace = previous[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut best = replace.min(previous[j] + 1).min(current[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Like [`edit_distance`] on folded words (æ, ø, å written ae, oe, aa),
/// with each such pair one letter, as the reader typed it: "sydsjlland"
/// dropped one letter of "sydsjaelland", not two, and is nearer it than
/// "sydjylland".
pub fn letter_edit_distance(a: &str, b: &str) -> usize {
    edit_distance(&unfold_pairs(a), &unfold_pairs(b))
}

/// A folded word with each ae, oe and aa one letter again.
fn unfold_pairs(word: &str) -> String {
    word.replace("ae", "æ")
        .replace("oe", "ø")
        .replace("aa", "å")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_each_kind_of_edit_once() {
        assert_eq!(edit_distance("mentor", "mentor"), 0);
        assert_eq!(edit_distance("mentor", "mentr"), 1);
        assert_eq!(edit_distance("mentor", "mentoor"), 1);
        assert_eq!(edit_distance("mentor", "mentpr"), 1);
        assert_eq!(edit_distance("mentor", "mnetor"), 1);
        assert_eq!(edit_distance("udlændinge", "udlæninge"), 1);
        assert_eq!(edit_distance("", "job"), 3);
        assert_eq!(edit_distance("flygtningene", "flygtninge"), 2);
    }

    #[test]
    fn is_symmetric() {
        for (a, b) in [("junkies", "juknies"), ("ab", "bca"), ("køb", "kbø")] {
            assert_eq!(edit_distance(a, b), edit_distance(b, a), "{a} {b}");
        }
    }

    #[test]
    fn a_folded_letter_is_one_letter() {
        assert_eq!(edit_distance("sydsjlland", "sydsjaelland"), 2);
        assert_eq!(letter_edit_distance("sydsjlland", "sydsjaelland"), 1);
        assert_eq!(letter_edit_distance("sydsjlland", "sydjylland"), 2);
        assert_eq!(letter_edit_distance("sydsjaelland", "sydsjaelland"), 0);
        assert_eq!(letter_edit_distance("mentr", "mentor"), 1);
    }
}
