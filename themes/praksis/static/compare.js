// The compare page: the chosen examples (2–4) are in the URL (?e=a&e=b), so a
// comparison can be shared; ticking a box updates the URL without reloading.
// Without JavaScript the form still submits the same URL and every column shows.
import { MAX_CHOSEN, remember, withChosen } from './compare-choice.js';

const form = document.querySelector('.compare-form');
const status = document.getElementById('compare-status');

function chosenFromUrl() {
  const params = new URLSearchParams(window.location.search);
  return params
    .getAll('e')
    .flatMap((value) => value.split(','))
    .filter(Boolean)
    .slice(0, MAX_CHOSEN);
}

function show(chosen) {
  for (const cell of document.querySelectorAll('[data-example]')) {
    cell.hidden = !chosen.includes(cell.dataset.example);
  }
  for (const box of form.querySelectorAll('input[name="e"]')) {
    box.checked = chosen.includes(box.value);
    box.disabled = !box.checked && chosen.length >= MAX_CHOSEN;
  }
  remember(chosen);
  status.textContent = chosen.length < 2 ? 'Vælg mindst to eksempler.' : `${chosen.length} eksempler side om side.`;
}

if (form) {
  document.documentElement.classList.add('has-compare');
  form.addEventListener('change', () => {
    const chosen = [...form.querySelectorAll('input[name="e"]:checked')].map((box) => box.value);
    history.replaceState(null, '', withChosen(window.location.href, chosen.slice(0, MAX_CHOSEN)));
    show(chosen.slice(0, MAX_CHOSEN));
  });
  show(chosenFromUrl());
}
