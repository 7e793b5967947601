/**
 * Saves a workbook step while someone types. The server decides about conflicts exactly as for the
 * Save button; this only posts the same form in the background and keeps the versions in step.
 */
interface SaveResponse {
  readonly saved?: readonly { key: string; version: number; updatedAt: string }[];
  readonly conflicts?: readonly string[];
  readonly errors?: Readonly<Record<string, string>>;
}

const DELAY_MS = 2000;

export function enhanceAutosave(form: HTMLFormElement): void {
  const status = form.querySelector<HTMLElement>('[data-autosave-status]');
  const text = {
    saving: form.dataset.autosaveSaving ?? '',
    saved: form.dataset.autosaveSaved ?? '',
    conflict: form.dataset.autosaveConflict ?? '',
    failed: form.dataset.autosaveFailed ?? '',
  };
  let timer: number | undefined;
  let running = false;
  let again = false;

  const say = (message: string) => {
    if (status) status.textContent = message;
  };

  const versionInput = (key: string) => {
    for (const input of Array.from(form.querySelectorAll<HTMLInputElement>('input[type="hidden"]'))) {
      if (input.name === `versie_${key.replace(/\./g, '_')}`) return input;
    }
    return null;
  };

  const save = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    say(text.saving);
    try {
      const body = new URLSearchParams();
      new FormData(form).forEach((value, name) => {
        if (typeof value === 'string') body.append(name, value);
      });
      const response = await fetch(form.action, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      const result = (await response.json()) as SaveResponse;
      for (const item of result.saved ?? []) {
        const input = versionInput(item.key);
        if (input) input.value = String(item.version);
      }
      if ((result.conflicts ?? []).length > 0) say(text.conflict);
      else if (!response.ok) say(text.failed);
      else {
        const time = new Date().toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });
        say(text.saved.replace('{time}', time));
      }
    } catch {
      say(text.failed);
    } finally {
      running = false;
      if (again) {
        again = false;
        void save();
      }
    }
  };

  const schedule = () => {
    if (timer !== undefined) window.clearTimeout(timer);
    timer = window.setTimeout(() => void save(), DELAY_MS);
  };

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  // A save still pending when the person presses the button is not needed any more.
  form.addEventListener('submit', () => {
    if (timer !== undefined) window.clearTimeout(timer);
  });
}
