// The examples chosen for the compare page, shared by the compare page
// (compare.js) and "Tilføj til sammenligning" on example pages
// (add-compare.js): at most four, remembered in localStorage, and carried in
// the compare page's address as ?e=a&e=b.
export const MAX_CHOSEN = 4;
const STORE = 'praksis-sammenlign';

/** The examples chosen before, as remembered; none when storage is off or damaged. */
export function remembered() {
  try {
    const value = JSON.parse(localStorage.getItem(STORE) ?? '[]');
    return Array.isArray(value) ? value.filter((slug) => typeof slug === 'string') : [];
  } catch {
    return [];
  }
}

export function remember(chosen) {
  try {
    localStorage.setItem(STORE, JSON.stringify(chosen));
  } catch {
    // Storage may be off (private mode); the address still carries the choice.
  }
}

/** `address` with `chosen` as its ?e= parameters, in order. */
export function withChosen(address, chosen) {
  const url = new URL(address);
  url.searchParams.delete('e');
  for (const slug of chosen) url.searchParams.append('e', slug);
  return url;
}
