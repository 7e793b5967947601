/**
 * Live meeting page: step, timer and contributions follow the facilitator (Server-Sent Events).
 *
 * The server renders the whole page, and without this script it works by reloading ("Bijwerken"). With it:
 * - an EventSource on data-live-url receives `state` events (step, texts, when the step's time ends) and
 *   `contributions` events; the browser reconnects by itself, and the first event after (re)connecting is the
 *   current state;
 * - heading, instruction and timer change at once; the timer counts every second from the end time, corrected
 *   by the difference between the server's clock and this device's;
 * - then the live parts are fetched from data-stand-url and swapped in, except a form someone is typing in
 *   (it keeps its step: the server stores the contribution under the step it was written for, and says so).
 */
interface LiveState {
  readonly version: number;
  readonly status: string;
  readonly step: number;
  readonly heading: string;
  readonly instruction: string;
  readonly minutes: string;
  readonly endsAt: string | null;
  readonly serverNow: string;
}

const PARTS = ['state', 'form', 'records'] as const;
/** After the browser gave up (an error status), try again this long after, growing to a minute. */
const RESTART_MIN_MS = 5000;
const RESTART_MAX_MS = 60000;

function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

function parseState(raw: string): LiveState | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LiveState>;
    if (typeof value.version !== 'number' || typeof value.step !== 'number' || typeof value.status !== 'string') return undefined;
    return {
      version: value.version,
      status: value.status,
      step: value.step,
      heading: typeof value.heading === 'string' ? value.heading : '',
      instruction: typeof value.instruction === 'string' ? value.instruction : '',
      minutes: typeof value.minutes === 'string' ? value.minutes : '',
      endsAt: typeof value.endsAt === 'string' ? value.endsAt : null,
      serverNow: typeof value.serverNow === 'string' ? value.serverNow : new Date().toISOString(),
    };
  } catch {
    return undefined;
  }
}

/** A part the person is busy with: text typed, a choice made, a form opened. It is never replaced under their hands. */
function isDirty(part: Element): boolean {
  // Kept by the server (a form that came back with errors), or opened by the person (an edit form in step 0).
  if (part.hasAttribute('data-live-keep') || part.querySelector('details[open]')) return true;
  for (const field of Array.from(part.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select'))) {
    if (field instanceof HTMLSelectElement) {
      if (Array.from(field.options).some((o) => o.selected !== o.defaultSelected)) return true;
    } else if (field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox')) {
      if (field.checked !== field.defaultChecked) return true;
    } else if (field.type !== 'hidden' && field.value !== field.defaultValue) {
      return true;
    }
  }
  return false;
}

/** Something to find the focused control again after its part was replaced. */
function focusKey(element: Element | null, part: Element): string | null {
  if (!element || !part.contains(element) || element === part) return null;
  if (element.id) return `#${element.id}`;
  const form = element.closest('form');
  return `${form ? form.getAttribute('action') : ''}|${element.tagName}|${element.getAttribute('name') ?? ''}|${(element.textContent ?? '').trim()}`;
}

function findByKey(key: string, part: Element): HTMLElement | null {
  if (key.startsWith('#')) {
    const found = part.querySelector<HTMLElement>(`[id="${key.slice(1).replace(/"/g, '')}"]`);
    if (found) return found;
  }
  for (const candidate of Array.from(part.querySelectorAll<HTMLElement>('a, button, input, textarea, select, summary'))) {
    if (focusKey(candidate, part) === key) return candidate;
  }
  return null;
}

function setParagraphs(container: Element, text: string): void {
  while (container.firstChild) container.removeChild(container.firstChild);
  for (const block of text.split(/\r?\n\s*\r?\n/).map((b) => b.trim()).filter(Boolean)) {
    const p = document.createElement('p');
    p.className = 'utrecht-paragraph';
    block.split(/\r?\n/).forEach((line, i) => {
      if (i > 0) p.appendChild(document.createElement('br'));
      p.appendChild(document.createTextNode(line));
    });
    container.appendChild(p);
  }
}

export function enhanceLiveMeeting(root: HTMLElement): void {
  const liveUrl = root.dataset.liveUrl;
  const standUrl = root.dataset.standUrl;
  if (!liveUrl || !standUrl || typeof EventSource === 'undefined' || typeof DOMParser === 'undefined') return;
  const text = {
    lost: root.dataset.textConnectionLost ?? '',
    stepChanged: root.dataset.textStepChanged ?? '{heading}',
    left: root.dataset.textLeft ?? '',
    over: root.dataset.textOver ?? '',
  };
  const connection = root.querySelector<HTMLElement>('[data-live-connection]');
  const announcer = root.querySelector<HTMLElement>('[data-live-announce]');

  let version = Number(root.dataset.version ?? '0');
  let step = Number(root.dataset.step ?? '0');
  let status = root.dataset.status ?? '';
  /** Server time minus device time, in milliseconds. */
  let offset = 0;
  let endsAt: number | null = null;
  let leaving = false;
  let fetching = false;
  let fetchAgain = false;

  const readTimer = () => {
    const timer = root.querySelector<HTMLElement>('[data-live-timer]');
    const ends = timer?.dataset.endsAt;
    const serverNow = timer?.dataset.serverNow;
    endsAt = ends ? Date.parse(ends) : null;
    if (serverNow) offset = Date.parse(serverNow) - Date.now();
  };

  const tick = () => {
    const timer = root.querySelector<HTMLElement>('[data-live-timer]');
    const clock = timer?.querySelector<HTMLElement>('[data-live-clock]');
    const label = timer?.querySelector<HTMLElement>('[data-live-timer-label]');
    if (!timer || !clock || endsAt === null || Number.isNaN(endsAt)) return;
    const left = endsAt - (Date.now() + offset);
    const over = left <= -1000;
    const shown = over ? clockText(Math.floor(-left / 1000)) : clockText(Math.ceil(Math.max(0, left) / 1000));
    if (clock.textContent !== shown) clock.textContent = shown;
    if (label && label.textContent !== (over ? text.over : text.left)) label.textContent = over ? text.over : text.left;
    timer.classList.toggle('mmm-meeting-timer--over', over);
  };

  const announce = (message: string) => {
    if (!announcer) return;
    announcer.textContent = '';
    window.setTimeout(() => {
      announcer.textContent = message;
    }, 100);
  };

  /** The texts a state event carries, shown before the rest of the page catches up. */
  const applyState = (state: LiveState) => {
    const heading = root.querySelector<HTMLElement>('[data-live-heading]');
    if (heading && state.heading) heading.textContent = state.heading;
    const instruction = root.querySelector<HTMLElement>('[data-live-instruction]');
    if (instruction) setParagraphs(instruction, state.instruction);
    const minutes = root.querySelector<HTMLElement>('[data-live-minutes]');
    if (minutes) minutes.textContent = state.minutes;
    const timer = root.querySelector<HTMLElement>('[data-live-timer]');
    if (timer) timer.hidden = state.endsAt === null;
    offset = Date.parse(state.serverNow) - Date.now();
    endsAt = state.endsAt ? Date.parse(state.endsAt) : null;
    tick();
  };

  /** Swaps in the live parts from the server, leaving alone a form the person is busy with. */
  const swapParts = (html: string) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const fragment = doc.querySelector<HTMLElement>('[data-live-fragment]');
    if (!fragment) return;
    const fragmentVersion = Number(fragment.dataset.version ?? '0');
    // An answer overtaken by a newer event: the fetch that event started brings the newer parts.
    if (fragmentVersion < version) return;
    const fragmentStep = Number(fragment.dataset.step ?? '0');
    for (const name of PARTS) {
      const current = root.querySelector<HTMLElement>(`[data-live-part="${name}"]`);
      const next = fragment.querySelector<HTMLElement>(`[data-live-part="${name}"]`);
      if (!current || !next) continue;
      if (name === 'form' && isDirty(current)) {
        const stepField = current.querySelector<HTMLInputElement>('[data-live-step-field]');
        const note = current.querySelector<HTMLElement>('[data-live-form-note]');
        const formStep = stepField ? Number(stepField.value) : fragmentStep;
        if (note) note.hidden = formStep === fragmentStep && fragment.dataset.status === 'running';
        continue;
      }
      const key = focusKey(document.activeElement, current);
      const imported = document.importNode(next, true);
      current.replaceWith(imported);
      if (key) {
        const again = findByKey(key, imported);
        if (again) again.focus();
        else if (name === 'state') root.querySelector<HTMLElement>('[data-live-heading]')?.focus();
      }
    }
    version = Math.max(version, fragmentVersion);
    root.dataset.version = String(fragmentVersion);
    root.dataset.step = fragment.dataset.step ?? root.dataset.step;
    root.dataset.status = fragment.dataset.status ?? root.dataset.status;
    readTimer();
    hideRefreshHint();
    tick();
  };

  const refresh = async () => {
    if (leaving) return;
    if (fetching) {
      fetchAgain = true;
      return;
    }
    fetching = true;
    try {
      const response = await fetch(standUrl, { credentials: 'same-origin', headers: { Accept: 'text/html' }, cache: 'no-store' });
      if (response.ok && !response.redirected && !leaving) swapParts(await response.text());
    } catch {
      // The stream's own error handling tells the person; the next event tries again.
    } finally {
      fetching = false;
      if (fetchAgain) {
        fetchAgain = false;
        void refresh();
      }
    }
  };

  const hideRefreshHint = () => {
    root.querySelectorAll<HTMLElement>('[data-live-refresh-hint]').forEach((hint) => {
      hint.hidden = true;
    });
  };

  let source: EventSource | null = null;
  let freshConnection = true;
  let restartDelay = RESTART_MIN_MS;

  const connect = () => {
    if (leaving) return;
    const es = new EventSource(liveUrl, { withCredentials: true });
    source = es;
    freshConnection = true;
    es.addEventListener('open', () => {
      if (connection) connection.hidden = true;
      restartDelay = RESTART_MIN_MS;
    });
    es.addEventListener('error', () => {
      if (leaving) return;
      if (connection) {
        connection.textContent = text.lost;
        connection.hidden = false;
      }
      // CLOSED: the server answered with an error (signed out, no access any more, restarting). Try again later.
      if (es.readyState === EventSource.CLOSED) {
        es.close();
        window.setTimeout(connect, restartDelay);
        restartDelay = Math.min(RESTART_MAX_MS, restartDelay * 2);
      }
    });
    es.addEventListener('state', (event) => {
      const state = parseState((event as MessageEvent<string>).data);
      if (!state) return;
      const changed = state.step !== step || state.status !== status;
      const newer = state.version !== version;
      applyState(state);
      if (changed && state.heading) announce(text.stepChanged.replace('{heading}', state.heading));
      step = state.step;
      status = state.status;
      // After (re)connecting something may have been missed: fetch the parts once anyway.
      if (newer || freshConnection) void refresh();
      freshConnection = false;
    });
    es.addEventListener('contributions', () => void refresh());
  };

  // A form being sent leaves the page: no more swapping, so a second click cannot pick up a newer version.
  root.addEventListener('submit', () => {
    leaving = true;
  });
  window.addEventListener('pagehide', () => {
    leaving = true;
    source?.close();
  });
  window.addEventListener('pageshow', (event) => {
    // Back from the browser's page cache: start listening again.
    if ((event as PageTransitionEvent).persisted) {
      leaving = false;
      connect();
    }
  });

  readTimer();
  hideRefreshHint();
  tick();
  window.setInterval(tick, 1000);
  connect();
}
