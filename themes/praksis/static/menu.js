// The main menu on phones: folded behind a "Menu" button, so the header
// leaves the screen to the page and the search box stays in view (nine
// entries wrapped to about 250 px at 390 px). The CSS folds it only below
// 600 px and only once this has run: without JavaScript the menu shows.
const button = document.querySelector('.menu-toggle');
const menu = document.getElementById('hovedmenu');

if (button && menu) {
  document.documentElement.classList.add('has-menu');
  button.hidden = false;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
  });
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || button.getAttribute('aria-expanded') !== 'true') return;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  });
}
