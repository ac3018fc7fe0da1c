import type { HttpClient } from './http-client';

/** Small builders over the real admin API, so tests read as what an editor does. */
export class ContentFactory {
  private counter = 0;

  constructor(
    private readonly http: HttpClient,
    private readonly token: string,
  ) {}

  private async ok(response: Promise<{ status: number; body: any; text: string }>, expected: number[] = [200, 201]): Promise<any> {
    const result = await response;
    if (!expected.includes(result.status)) throw new Error(`unexpected ${result.status}: ${result.text}`);
    return result.body;
  }

  author(name = `Author ${++this.counter}`): Promise<{ id: string; slug: string; version: number }> {
    return this.ok(this.http.post('/admin/v1/authors', { name }, { token: this.token }));
  }

  tag(name = `Tag ${++this.counter}`, locale = 'en'): Promise<{ id: string }> {
    return this.ok(this.http.post('/admin/v1/tags', { translations: { [locale]: { name } } }, { token: this.token }));
  }

  async article(options: { sourceLocale?: string; authorIds?: string[]; tagIds?: string[] } = {}): Promise<{ id: string; version: number }> {
    const authorIds = options.authorIds ?? [(await this.author()).id];
    return this.ok(
      this.http.post('/admin/v1/articles', { sourceLocale: options.sourceLocale ?? 'en', authorIds, tagIds: options.tagIds ?? [] }, { token: this.token }),
    );
  }

  translation(articleId: string, locale: string, body: Record<string, unknown>, version?: number): Promise<{ slug: string; version: number; status: string }> {
    return this.ok(
      this.http.put(`/admin/v1/articles/${articleId}/translations/${locale}`, body, {
        token: this.token,
        headers: version ? { 'if-match': `"${version}"` } : {},
      }),
    );
  }

  source(articleId: string, title: string, extra: Record<string, unknown> = {}): Promise<{ position: number; version: number }> {
    return this.ok(this.http.post(`/admin/v1/articles/${articleId}/sources`, { title, ...extra }, { token: this.token }));
  }

  /** Runs workflow steps in order from `version`, each with the version the previous answer gave; returns the last answer. */
  async steps(
    articleId: string,
    locale: string,
    version: number,
    ...names: string[]
  ): Promise<{ version: number; status: string; liveRevisionId: string | null }> {
    let current: any = { version };
    for (const name of names) {
      current = await this.ok(
        this.http.post(
          `/admin/v1/articles/${articleId}/translations/${locale}/${name}`,
          {},
          { token: this.token, headers: { 'if-match': `"${current.version}"` } },
        ),
        [200],
      );
    }
    return current;
  }

  /** Submit, approve and publish. */
  publish(articleId: string, locale: string, version: number) {
    return this.steps(articleId, locale, version, 'submit', 'approve', 'publish');
  }
}
