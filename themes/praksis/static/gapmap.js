// Gap map: hovering or focusing a bubble shows its pages' titles beside it.
// Without JavaScript the bubble's <title> and its link to the list below the
// map give the same; with it, the <title> goes so two tooltips never show.
const tip = document.createElement('div');
tip.className = 'gapmap-tip';
tip.id = 'gapmap-tip';
tip.setAttribute('role', 'tooltip');
tip.hidden = true;
document.body.append(tip);

function show(cell) {
  const target = document.getElementById(cell.getAttribute('href').slice(1));
  if (!target) return;
  const heading = document.createElement('strong');
  heading.textContent = target.querySelector('h3').firstChild.textContent.trim();
  const list = document.createElement('ul');
  for (const link of target.querySelectorAll('li > a')) {
    const item = document.createElement('li');
    item.textContent = link.textContent;
    list.append(item);
  }
  tip.replaceChildren(heading, list);
  tip.hidden = false;
  const box = cell.getBoundingClientRect();
  const room = document.documentElement.clientWidth - tip.offsetWidth - 8;
  tip.style.left = `${window.scrollX + Math.max(8, Math.min(box.right + 8, room))}px`;
  tip.style.top = `${window.scrollY + box.bottom + 4}px`;
  cell.setAttribute('aria-describedby', tip.id);
}

function hide(cell) {
  tip.hidden = true;
  cell?.removeAttribute('aria-describedby');
}

for (const cell of document.querySelectorAll('.gapmap a.cell')) {
  cell.querySelector('title')?.remove();
  cell.addEventListener('mouseenter', () => show(cell));
  cell.addEventListener('mouseleave', () => hide(cell));
  cell.addEventListener('focus', () => show(cell));
  cell.addEventListener('blur', () => hide(cell));
}
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hide(document.activeElement);
});
