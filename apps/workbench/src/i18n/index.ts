import { useEffect, useState } from 'preact/hooks';
import { en, type MessageKey } from './en';
import { ru } from './ru';
import { tr } from './tr';

export type { MessageKey } from './en';

/** The interface's languages, each named in itself. The API answers errors in the same language (Accept-Language). */
export const LANGUAGES = { en: 'English', tr: 'Türkçe', ru: 'Русский' } as const;
export type Language = keyof typeof LANGUAGES;

const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, tr, ru };
const KEY = 'kalam.language';
const listeners = new Set<() => void>();

const isLanguage = (value: unknown): value is Language => typeof value === 'string' && value in LANGUAGES;

/** A choice made here before, else the browser's first language we have, else English. */
function initial(): Language {
  const stored = localStorage.getItem(KEY);
  if (isLanguage(stored)) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

let language: Language = initial();
document.documentElement.lang = language;

export const currentLanguage = (): Language => language;

export function setLanguage(next: Language): void {
  language = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
  listeners.forEach((listener) => listener());
}

/** Re-renders the caller when the language changes. */
export function useLanguage(): Language {
  const [, render] = useState(0);
  useEffect(() => {
    const listener = () => render((n) => n + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return language;
}

/** A message in the current language, `{{name}}` filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  // Some keys are built from the API's values (a status, a field): one we have no words for shows as itself.
  const template: string = CATALOGS[language][key] ?? en[key] ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** A file size for people, in the interface's language: 12.4 MB, 12,4 МБ. The same rule as the API's `{{limit, bytes}}` (libs/i18n format-bytes.ts), which this bundle cannot import, so a limit reads alike before and after sending. */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];
  let size = bytes;
  let unit = 0;
  while (unit < units.length - 1 && Math.round(size * 10) / 10 >= 1024) {
    size /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: units[unit], unitDisplay: unit === 0 ? 'long' : 'short', maximumFractionDigits: 1 }).format(
    size,
  );
}

const FIELDS = ['title', 'subtitle', 'slug', 'summary', 'seoTitle', 'seoDescription', 'body'] as const;

/** A translation field's name for people (`seoTitle` → "SEO title"). */
export function fieldLabel(field: string): string {
  return (FIELDS as readonly string[]).includes(field) ? t(`unit.${field}` as MessageKey) : field;
}
