import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../api/client';
import { Layout } from '../components/layout';
import { Link } from '../components/link';
import { Loaded, StatusBadge, statusLabel } from '../components/states';
import { useLoad } from '../hooks';
import { formatDate, t } from '../i18n';
import { navigate, query } from '../router';
import { Pager } from '../components/pager';

type Article = Schemas['ArticleResponseDto'];
const STATUSES = ['draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished', 'archived'] as const;
type Status = (typeof STATUSES)[number];
const PAGE = 20;

const titleOf = (article: Article) => article.translations[article.sourceLocale]?.title ?? Object.values(article.translations)[0]?.title ?? '—';

/** The editor's view of everything: each article with its status in every language, filterable. */
export function ArticlesScreen({ path }: { path: string }) {
  const params = query(path);
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as Status) : undefined;
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  const locales = useLoad(() => ok(api.GET('/admin/v1/locales')), []);
  const articles = useLoad(
    () => ok(api.GET('/admin/v1/articles', { params: { query: { page, limit: PAGE, ...(status ? { status } : {}), ...(q ? { q } : {}) } } })),
    [status, q, page],
  );
  const go = (next: { status?: string; q?: string; page?: number }) => {
    const search = new URLSearchParams();
    const s = next.status ?? status ?? '';
    const words = next.q ?? q;
    if (s) search.set('status', s);
    if (words) search.set('q', words);
    if (next.page && next.page > 1) search.set('page', String(next.page));
    navigate(`/articles${search.size ? `?${search}` : ''}`);
  };

  return (
    <Layout title={t('articles.title')}>
      <form
        class="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: text.trim(), page: 1 });
        }}
      >
        <label>
          {t('articles.search')}
          <input type="search" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t('queue.filter_status')}
          <select value={status ?? ''} onChange={(e) => go({ status: (e.target as HTMLSelectElement).value, page: 1 })}>
            <option value="">{t('queue.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('articles.find')}</button>
      </form>
      <Loaded state={locales}>
        {(all) => {
          const codes = all.filter((l) => l.enabled).map((l) => l.code);
          return (
            <Loaded state={articles}>
              {(data) =>
                data.items.length === 0 ? (
                  <p class="empty">{t('articles.empty')}</p>
                ) : (
                  <>
                    <table class="list">
                      <caption class="sr-only">{t('articles.caption')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('articles.article')}</th>
                          <th scope="col">{t('articles.updated')}</th>
                          {codes.map((code) => (
                            <th scope="col" key={code}>
                              {code.toUpperCase()}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {data.items.map((article) => (
                          <tr key={article.id}>
                            <td data-label={t('articles.article')}>
                              <Link href={`/articles/${article.id}/${article.sourceLocale}`}>{titleOf(article)}</Link>
                              <span class="muted"> {article.sourceLocale.toUpperCase()}</span>
                            </td>
                            <td data-label={t('articles.updated')}>{formatDate(article.updatedAt)}</td>
                            {codes.map((code) => {
                              const translation = article.translations[code];
                              return (
                                <td key={code} data-label={code.toUpperCase()}>
                                  {translation ? (
                                    <Link href={`/articles/${article.id}/${code}`} class="status-link">
                                      <StatusBadge status={translation.status} />
                                      <span class="sr-only"> {t('articles.open_locale', { locale: code.toUpperCase(), title: titleOf(article) })}</span>
                                    </Link>
                                  ) : (
                                    <span class="muted" title={t('status.missing')}>
                                      —<span class="sr-only">{t('status.missing')}</span>
                                    </span>
                                  )}
                                </td>
                              );
                            })}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    <Pager page={page} total={data.total} limit={PAGE} onPage={(p) => go({ page: p })} />
                  </>
                )
              }
            </Loaded>
          );
        }}
      </Loaded>
    </Layout>
  );
}
