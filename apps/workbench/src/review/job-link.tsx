import { api, ok, type Schemas } from '../api/client';
import { Link } from '../components/link';
import { StatusBadge } from '../components/states';
import { useLoad } from '../hooks';
import { t, type MessageKey } from '../i18n';

type Coverage = Schemas['ArticleCoverageDto'];

/**
 * Where this language stands against the source (up to date, outdated, missing) and the open
 * translation job for it, so a reviewer can open the side-by-side view the translator works in.
 */
export function JobLink({
  articleId,
  locale,
  version,
}: {
  articleId: string;
  locale: string;
  /** The translation's version: a workflow step moves the job, so a new version reloads it. */
  version: number;
}) {
  const coverage = useLoad(async () => {
    const rows = await ok(api.GET('/admin/v1/translation-status', { params: { query: { article: articleId } } }));
    return (rows as Coverage[]).find((row) => 'state' in row && row.locale === locale) ?? null;
  }, [articleId, locale, version]);
  const row = coverage.data;
  if (!row || row.state === 'source') return null;
  return (
    <span class="coverage">
      {t(`coverage.${row.state}` as MessageKey)}
      {row.job && (
        <>
          {' · '}
          <Link href={`/jobs/${row.job.id}`}>{t('review.job')}</Link> <StatusBadge status={row.job.status} />
        </>
      )}
    </span>
  );
}
