// Danish folding as the engine does it (crates/search/src/fold.rs), so the
// suggestion list, folded by the engine at build time, meets what readers
// type: "Føniks", "Foeniks" and "Foniks" all become "foniks". A Rust test
// (tests/js_fold.rs) folds every indexed title word both ways and compares.
const FOLDS = { æ: 'ae', ø: 'o', å: 'a', x: 'ks', oe: 'o', aa: 'a' };

/** Lower-cases and folds `text`. */
export function fold(text) {
  return text.toLowerCase().replace(/æ|ø|å|x|oe|aa/g, (m) => FOLDS[m]);
}
