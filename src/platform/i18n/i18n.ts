import { en } from './messages.en.js';
import { nl, type MessageKey } from './messages.nl.js';

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];
export const DEFAULT_LOCALE: Locale = 'nl';
export const LOCALE_COOKIE = 'taal';

export type Translate = (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => string;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { nl, en };

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, vars) => {
    const template = dictionary[key];
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

export type { MessageKey };
