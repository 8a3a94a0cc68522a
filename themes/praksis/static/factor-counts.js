// Which of a factor's pages have the chosen target groups, shared by
// /faktorer/?maalgruppe=… (factor-groups.js) and the compare page
// (compare-factors.js): a page with every group, a page with only some of
// them (as a tag or about some participants), and the order that puts the
// factors the groups' pages show first.
import { hasGroups, someGroups } from './group-choice.js';

/** Does a page (an element with data-groups) have every one of `groups`? */
export const fullMatch = (groups) => (item) => groups.length > 0 && hasGroups(item, groups);

/**
 * Does it have only some of them? With one group there is no "some": a page
 * with only some of two groups still tells a planner something (Tilbagefald
 * til misbrug is shown by pages for Misbrugere, not by those for Hjemløse too).
 */
export const partMatch = (groups) => (item) =>
  groups.length > 1 && !hasGroups(item, groups) && someGroups(item, groups);

/** Does a page only wish for the factor (data-wish: every sentence for it is a hope)? */
const wishOnly = (item) => item.dataset.wish !== undefined;

/**
 * Each factor (an object with `pages`, its page elements) → its pages with
 * every group that show it (`full`), those with every group that only wish
 * for it (`wished`, not counted as showing it), those with some groups
 * (`some`), and whether it is `folded`: no page of the groups names it.
 * With no groups, nothing counted or folded.
 */
export function countFactors(factors, groups) {
  const [full, part] = [fullMatch(groups), partMatch(groups)];
  return new Map(
    factors.map((f) => {
      const all = f.pages.filter(full);
      const counts = {
        full: all.filter((item) => !wishOnly(item)),
        wished: all.filter(wishOnly),
        some: f.pages.filter(part),
      };
      const named = counts.full.length + counts.wished.length + counts.some.length;
      return [f, { ...counts, folded: groups.length > 0 && named === 0 }];
    }),
  );
}

/**
 * Compares two factors by `counts`: those with full pages first, then those
 * with some, most pages first, then the rest; ties keep `order`, the page's own.
 */
export function byGroupPages(counts) {
  const key = (f) => {
    const { full, some } = counts.get(f);
    return [full.length ? 0 : some.length ? 1 : 2, -full.length, -some.length, f.order];
  };
  return (a, b) => {
    const [x, y] = [key(a), key(b)];
    return x.reduce((order, value, i) => order || value - y[i], 0);
  };
}
