// Progressive enhancement for server-rendered pages: every page works without this script.
import { enhanceAutosave } from './autosave.js';

function start(): void {
  document.querySelectorAll<HTMLFormElement>('form[data-autosave]').forEach(enhanceAutosave);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
