/**
 * Ranking form: order by drag and drop or keyboard instead of typing rank numbers. Without this
 * script people type a place per item; with it the list itself is the ranking and the (then hidden)
 * number inputs are kept in step, so the server receives exactly the same form.
 */

interface Texts {
  readonly up: string;
  readonly down: string;
  readonly handle: string;
  readonly moved: string;
  readonly atTop: string;
  readonly atBottom: string;
}

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function button(className: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  return b;
}

export function enhanceRanking(form: HTMLFormElement): void {
  const list = form.querySelector<HTMLOListElement>('[data-ranking-list]');
  const status = form.querySelector<HTMLElement>('[data-ranking-status]');
  if (!list || list.dataset.rankingEnhanced === 'true') return;
  list.dataset.rankingEnhanced = 'true';
  const text: Texts = {
    up: form.dataset.rankingUp ?? '',
    down: form.dataset.rankingDown ?? '',
    handle: form.dataset.rankingHandle ?? '',
    moved: form.dataset.rankingMoved ?? '',
    atTop: form.dataset.rankingAtTop ?? '',
    atBottom: form.dataset.rankingAtBottom ?? '',
  };

  const items = (): HTMLLIElement[] => Array.from(list.children).filter((c): c is HTMLLIElement => c instanceof HTMLLIElement && c.hasAttribute('data-ranking-item'));
  const inputOf = (item: HTMLElement) => item.querySelector<HTMLInputElement>('[data-ranking-input]');
  const labelOf = (item: HTMLElement) => item.dataset.label ?? '';

  // Start from what the page holds: a saved ranking or numbers typed before; items without a usable number keep their order below.
  const start = items().map((item, index) => {
    const value = (inputOf(item)?.value ?? '').trim();
    const place = /^[0-9]+$/.test(value) ? Number(value) : Number.POSITIVE_INFINITY;
    return { item, index, place };
  });
  start.sort((a, b) => a.place - b.place || a.index - b.index);
  for (const { item } of start) list.appendChild(item);

  let announceTimer: number | undefined;
  const announce = (message: string) => {
    if (!status) return;
    // Emptying first makes screen readers repeat a message that happens to be the same as the last one.
    status.textContent = '';
    if (announceTimer !== undefined) window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(() => (status.textContent = message), 50);
  };

  const renumber = () => {
    const all = items();
    all.forEach((item, index) => {
      const position = index + 1;
      const input = inputOf(item);
      if (input) input.value = String(position);
      const number = item.querySelector<HTMLElement>('.mmm-ranking__number');
      if (number) number.textContent = String(position);
      const handle = item.querySelector<HTMLButtonElement>('.mmm-ranking__handle');
      if (handle) handle.setAttribute('aria-label', fill(text.handle, { text: labelOf(item), position, total: all.length }));
      item.querySelectorAll<HTMLButtonElement>('.mmm-ranking__move').forEach((b) => {
        const edge = b.dataset.move === 'up' ? index === 0 : index === all.length - 1;
        b.setAttribute('aria-disabled', edge ? 'true' : 'false');
      });
    });
  };

  /** Moves an item to a 0-based index, keeps focus where it was and says where the item is now. */
  const moveTo = (item: HTMLLIElement, target: number, keepFocus: HTMLElement | null) => {
    const all = items();
    const from = all.indexOf(item);
    const to = Math.max(0, Math.min(all.length - 1, target));
    if (from === -1) return;
    if (from === to) {
      announce(fill(to === 0 ? text.atTop : text.atBottom, { text: labelOf(item) }));
      return;
    }
    const rest = all.filter((i) => i !== item);
    const before = rest[to];
    list.insertBefore(item, before ?? null);
    renumber();
    // Moving an element in the document takes the focus away from it; give it back.
    keepFocus?.focus();
    announce(fill(text.moved, { text: labelOf(item), position: to + 1, total: all.length }));
  };

  for (const item of items()) {
    const place = item.querySelector<HTMLElement>('.mmm-ranking__place');
    if (place) place.hidden = true;

    const controls = document.createElement('div');
    controls.className = 'mmm-ranking__controls';

    const handle = button('mmm-ranking__handle');
    handle.setAttribute('aria-describedby', 'rangorde-toetsen');
    const grip = document.createElement('span');
    grip.setAttribute('aria-hidden', 'true');
    grip.textContent = '⠿';
    handle.appendChild(grip);

    const number = document.createElement('span');
    number.className = 'mmm-ranking__number';
    number.setAttribute('aria-hidden', 'true');

    const up = button('utrecht-button utrecht-button--secondary-action mmm-ranking__move');
    up.dataset.move = 'up';
    const down = button('utrecht-button utrecht-button--secondary-action mmm-ranking__move');
    down.dataset.move = 'down';
    for (const [b, label] of [
      [up, text.up],
      [down, text.down],
    ] as const) {
      // The visible word first, so speech input ("klik Omhoog") finds the button (WCAG 2.5.3).
      b.textContent = label;
      b.setAttribute('aria-label', `${label}: ${labelOf(item)}`);
    }

    controls.append(handle, number, up, down);
    item.insertBefore(controls, item.firstChild);

    up.addEventListener('click', () => moveTo(item, items().indexOf(item) - 1, up));
    down.addEventListener('click', () => moveTo(item, items().indexOf(item) + 1, down));

    handle.addEventListener('keydown', (event) => {
      const index = items().indexOf(item);
      let target: number | null = null;
      if (event.key === 'ArrowUp') target = index - 1;
      else if (event.key === 'ArrowDown') target = index + 1;
      else if (event.key === 'Home') target = 0;
      else if (event.key === 'End') target = items().length - 1;
      if (target === null) return;
      event.preventDefault();
      moveTo(item, target, handle);
    });

    // Drag and drop with pointer events: mouse, pen and touch alike. The listeners sit on the document
    // because moving the item in the document ends any pointer capture on its handle.
    handle.addEventListener('pointerdown', (event) => {
      if (event.button !== 0 || !event.isPrimary) return;
      event.preventDefault();
      item.classList.add('mmm-ranking__item--dragging');
      handle.focus();
      const follow = (move: PointerEvent) => {
        if (move.pointerId !== event.pointerId) return;
        move.preventDefault();
        const others = items().filter((i) => i !== item);
        let target = 0;
        for (const other of others) {
          const box = other.getBoundingClientRect();
          if (move.clientY > box.top + box.height / 2) target += 1;
        }
        if (target !== items().indexOf(item)) {
          list.insertBefore(item, others[target] ?? null);
          renumber();
          handle.focus();
        }
        // Near the top or bottom of the window the page scrolls along, for lists longer than the screen.
        const edge = 48;
        if (move.clientY < edge) window.scrollBy(0, -16);
        else if (move.clientY > window.innerHeight - edge) window.scrollBy(0, 16);
      };
      const noSelection = (e: Event) => e.preventDefault();
      const drop = (up: PointerEvent) => {
        if (up.pointerId !== event.pointerId) return;
        document.removeEventListener('pointermove', follow);
        document.removeEventListener('pointerup', drop);
        document.removeEventListener('pointercancel', drop);
        document.removeEventListener('selectstart', noSelection);
        item.classList.remove('mmm-ranking__item--dragging');
        renumber();
        handle.focus();
        const all = items();
        announce(fill(text.moved, { text: labelOf(item), position: all.indexOf(item) + 1, total: all.length }));
      };
      document.addEventListener('pointermove', follow);
      document.addEventListener('pointerup', drop);
      document.addEventListener('pointercancel', drop);
      document.addEventListener('selectstart', noSelection);
    });
  }

  form.querySelectorAll<HTMLElement>('[data-ranking-plain]').forEach((el) => (el.hidden = true));
  form.querySelectorAll<HTMLElement>('[data-ranking-enhanced]').forEach((el) => (el.hidden = false));
  form.classList.add('mmm-ranking-form--enhanced');
  renumber();
}
