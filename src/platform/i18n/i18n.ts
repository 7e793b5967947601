import type { Dictionary, MessageKey } from './message-keys.js';

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];
export const DEFAULT_LOCALE: Locale = 'nl';
export const LOCALE_COOKIE = 'taal';

export type Translate = (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => string;

// Installed once by src/messages.ts; read at lookup time so a translator made at module load still works.
let dictionaries: Readonly<Record<Locale, Dictionary>> | null = null;

export function installMessages(all: Readonly<Record<Locale, Dictionary>>): void {
  dictionaries = all;
}

function dictionaryOf(locale: Locale): Dictionary {
  if (!dictionaries) throw new Error('De teksten zijn niet geladen: importeer src/messages.ts voordat je vertaalt.');
  return dictionaries[locale];
}

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(dictionaryOf(DEFAULT_LOCALE), value);
}

export function translator(locale: Locale): Translate {
  return (key, vars) => {
    const template = dictionaryOf(locale)[key];
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

export type { MessageKey };
