// Progressive enhancement for server-rendered pages: every page works without this script.
import { enhanceAutosave } from './autosave.js';
import { enhanceLiveMeeting } from './live-meeting.js';
import { enhanceRanking } from './ranking.js';

function start(): void {
  document.querySelectorAll<HTMLFormElement>('form[data-autosave]').forEach(enhanceAutosave);
  document.querySelectorAll<HTMLElement>('[data-live-meeting]').forEach(enhanceLiveMeeting);
  document.querySelectorAll<HTMLFormElement>('form[data-ranking]').forEach(enhanceRanking);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
