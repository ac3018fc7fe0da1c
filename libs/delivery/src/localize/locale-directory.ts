import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KalamError } from '@kalam/core';
import { LOCALE_CODE_PATTERN } from '@kalam/i18n';
import { loadRenderLocales } from '../documents/document-sources';
import type { RenderLocale } from '../documents/document-inputs';

// Locales change by an admin call, rarely; reading them on every request would be one more query.
const TTL_MS = 5_000;

/** The enabled locales and their chains, as the delivery API needs them on every request. */
@Injectable()
export class LocaleDirectory {
  private cached: { at: number; locales: Map<string, RenderLocale>; order: string[] } | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async all(): Promise<{ locales: Map<string, RenderLocale>; order: string[] }> {
    if (!this.cached || Date.now() - this.cached.at > TTL_MS) {
      this.cached = { at: Date.now(), ...(await loadRenderLocales(this.dataSource.manager)) };
    }
    return this.cached;
  }

  /** Drops the copy (a locale changed): the next request reads the registry. */
  forget(): void {
    this.cached = null;
  }

  /** The enabled locale, or 404 naming the enabled ones (a path with an unknown locale is a page that does not exist). */
  async require(code: string): Promise<RenderLocale> {
    const { locales, order } = await this.all();
    const found = LOCALE_CODE_PATTERN.test(code) ? locales.get(code) : undefined;
    if (!found) throw KalamError.notFound('locale.not_found', { locale: code.slice(0, 20), enabled: order.join(', ') });
    return found;
  }
}
