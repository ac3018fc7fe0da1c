import i18next, { type i18n as I18nInstance } from 'i18next';
import Negotiator from 'negotiator';
import { en } from './catalogs/en';
import { ru } from './catalogs/ru';
import { tr } from './catalogs/tr';
import { formatBytes } from './format-bytes';

/** Languages we have message catalogs for. Content locales are data; these are code. */
export const MESSAGE_LANGUAGES = ['en', 'tr', 'ru'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];
export const DEFAULT_MESSAGE_LANGUAGE: MessageLanguage = 'en';

export type MessageParams = Record<string, unknown>;

/**
 * The message catalogs behind API errors and validation messages. One i18next instance,
 * initialised synchronously with bundled catalogs, so translating never waits on I/O.
 */
export class Messages {
  private readonly i18n: I18nInstance;

  constructor() {
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      initAsync: false,
      resources: { en: { translation: en }, tr: { translation: tr }, ru: { translation: ru } },
      lng: DEFAULT_MESSAGE_LANGUAGE,
      fallbackLng: DEFAULT_MESSAGE_LANGUAGE,
      supportedLngs: [...MESSAGE_LANGUAGES],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    // `{{limit, bytes}}`: sizes as people read them ("10 MB"), in the message's language.
    this.i18n.services.formatter?.add('bytes', (value: unknown, language: string | undefined) =>
      typeof value === 'number' ? formatBytes(value, language ?? DEFAULT_MESSAGE_LANGUAGE) : String(value),
    );
  }

  /** Picks the best message language for an Accept-Language header; English when nothing matches. */
  negotiate(acceptLanguage: string | string[] | undefined): MessageLanguage {
    const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
    if (!header) return DEFAULT_MESSAGE_LANGUAGE;
    const negotiator = new Negotiator({ headers: { 'accept-language': header } });
    // Negotiator matches "tr-TR" to "tr" by prefix, and honours q-values.
    const best = negotiator.language([...MESSAGE_LANGUAGES]);
    return (best as MessageLanguage | undefined) ?? DEFAULT_MESSAGE_LANGUAGE;
  }

  /** Whether the catalog has `key`; pass the params so plural keys (key_one, key_other) count. */
  has(key: string, params: MessageParams = {}): boolean {
    return this.i18n.exists(key, { ...params, lng: DEFAULT_MESSAGE_LANGUAGE });
  }

  t(language: string, key: string, params: MessageParams = {}): string {
    return String(this.i18n.t(key, { ...params, lng: language }));
  }
}
