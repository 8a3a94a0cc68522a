// The site's search box driven by Pagefind instead of Praksisbasen's engine,
// for the side-by-side benchmark only. Same page, same box, same start
// (when the page has been idle a moment, or the box gets focus), same number
// of results; each result is shown as soon as Pagefind has its data.
const siteRoot = new URL('./', import.meta.url);
const MAX_RESULTS = 10;
const IDLE_DELAY_MS = 1500;

let pagefind = null;
function start() {
  pagefind ??= import(new URL('pagefind/pagefind.js', siteRoot).href).then(async (pf) => {
    await pf.init();
    return pf;
  });
  return pagefind;
}

const input = document.getElementById('search-input');
const list = document.getElementById('search-results');
const status = document.getElementById('search-status');
let latest = 0;

input.addEventListener('focus', start, { once: true });
window.addEventListener('load', () => setTimeout(() => requestIdleCallback(start, { timeout: 5000 }), IDLE_DELAY_MS), {
  once: true,
});
input.addEventListener('input', async () => {
  const query = input.value.trim();
  const ticket = ++latest;
  const pf = await start();
  const search = await pf.search(query);
  if (ticket !== latest) return;
  list.replaceChildren();
  list.dataset.results = 'engine';
  list.dataset.query = query;
  const results = search?.results.slice(0, MAX_RESULTS) ?? [];
  const items = results.map(() => list.appendChild(document.createElement('li')));
  list.hidden = results.length === 0;
  await Promise.all(
    results.map(async (result, i) => {
      const data = await result.data();
      if (ticket !== latest) return;
      const link = document.createElement('a');
      link.href = data.url;
      link.textContent = data.meta.title;
      items[i].append(link);
    }),
  );
  if (ticket !== latest) return;
  list.dataset.done = query;
  status.textContent = `${search?.results.length ?? 0} resultater.`;
});
