import { useEffect, useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../api/client';
import { Layout } from '../components/layout';
import { Link } from '../components/link';
import { kindLabel, priorityLabel } from '../components/labels';
import { Pager } from '../components/pager';
import { ErrorBox, Loaded, Loading, StatusBadge } from '../components/states';
import { useAction, useLoad } from '../hooks';
import { formatDate, t } from '../i18n';
import { navigate } from '../router';
import { isEditor, session } from '../session';

type Item = Schemas['QueueItemDto'];
const STATUSES = ['open', 'claimed', 'in_review'] as const;
type QueueStatus = (typeof STATUSES)[number];
const PAGE = 20;

/** The languages a user's queue tabs offer: their own, or every enabled one for editors. */
export function useQueueLocales() {
  return useLoad(async () => {
    const user = session.value!.user;
    if (!isEditor(session.value) && user.locales.length) return user.locales;
    const locales = (await ok(api.GET('/admin/v1/locales'))).filter((locale) => locale.enabled);
    // Languages that fall back to none are where texts are written first: their queues are mostly
    // empty, so they come last and /queue opens a language work is translated into.
    return [...locales.filter((l) => l.fallback !== null), ...locales.filter((l) => l.fallback === null)].map((l) => l.code);
  }, []);
}

export function QueueScreen({ locale }: { locale: string }) {
  const locales = useQueueLocales();
  const [status, setStatus] = useState<QueueStatus | ''>('');
  // The page belongs to one language's list: another tab starts at its first page (the status filter carries over).
  const [paging, setPaging] = useState({ locale, page: 1 });
  const page = paging.locale === locale ? paging.page : 1;
  const setPage = (next: number) => setPaging({ locale, page: next });
  const queue = useLoad(
    () => ok(api.GET('/admin/v1/queues/{locale}', { params: { path: { locale }, query: { page, limit: PAGE, ...(status ? { status } : {}) } } })),
    [locale, status, page],
  );
  const action = useAction();
  const me = session.value!.user.id;

  const act = (item: Item, what: 'claim' | 'release') =>
    void action.run(async () => {
      await ok(api.POST(`/admin/v1/jobs/{id}/${what}`, { params: { path: { id: item.id } } }));
      await queue.reload();
    });

  return (
    <Layout title={t('queue.title', { locale: locale.toUpperCase() })}>
      <Loaded state={locales}>
        {(codes) => (
          <nav class="tabs" aria-label={t('queue.languages')}>
            {codes.map((code) => (
              <Link key={code} href={`/queue/${code}`}>
                {code.toUpperCase()}
              </Link>
            ))}
          </nav>
        )}
      </Loaded>
      <div class="toolbar">
        <label>
          {t('queue.filter_status')}
          <select
            value={status}
            onChange={(e) => {
              setStatus((e.target as HTMLSelectElement).value as QueueStatus | '');
              setPage(1);
            }}
          >
            <option value="">{t('queue.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {queue.data && (
          <p class="counts" aria-live="polite">
            {t('queue.counts', { open: queue.data.counts.open, claimed: queue.data.counts.claimed, in_review: queue.data.counts.in_review })}
          </p>
        )}
      </div>
      <ErrorBox error={action.error} />
      <Loaded state={queue}>
        {(data) =>
          data.items.length === 0 ? (
            <p class="empty">{t('queue.empty')}</p>
          ) : (
            <>
              <table class="list">
                <caption class="sr-only">{t('queue.caption', { locale })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('queue.article')}</th>
                    <th scope="col">{t('queue.priority')}</th>
                    <th scope="col">{t('queue.due')}</th>
                    <th scope="col">{t('queue.kind')}</th>
                    <th scope="col">{t('queue.status')}</th>
                    <th scope="col">
                      <span class="sr-only">{t('queue.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <tr key={item.id}>
                      <td data-label={t('queue.article')}>
                        <Link href={`/jobs/${item.id}`}>{item.title ?? t('queue.untitled')}</Link>
                        <span class="muted">
                          {' '}
                          {item.sourceLocale.toUpperCase()} → {locale.toUpperCase()}
                        </span>
                      </td>
                      <td data-label={t('queue.priority')}>
                        <span class={`priority priority-${item.priority}`}>{priorityLabel(item.priority)}</span>
                      </td>
                      <td data-label={t('queue.due')}>{formatDate(item.dueAt)}</td>
                      <td data-label={t('queue.kind')}>{kindLabel(item.kind)}</td>
                      <td data-label={t('queue.status')}>
                        <StatusBadge status={item.status} />
                        {/* Work a reviewer sent back is visible from the queue, not only inside the job. */}
                        {item.translationStatus === 'changes_requested' && <StatusBadge status="changes_requested" />}
                        {item.assignee && item.status === 'claimed' && (
                          <span class="muted"> {item.assignee.id === me ? t('job.yours') : t('job.held_by', { name: item.assignee.displayName })}</span>
                        )}
                      </td>
                      <td class="actions">
                        {item.status === 'open' && (
                          <button
                            type="button"
                            disabled={action.busy}
                            onClick={() => act(item, 'claim')}
                            aria-label={t('queue.claim_named', { title: item.title ?? '' })}
                          >
                            {t('queue.claim')}
                          </button>
                        )}
                        {item.status === 'claimed' && (item.assignee?.id === me || isEditor(session.value)) && (
                          <button
                            type="button"
                            class="quiet"
                            disabled={action.busy}
                            onClick={() => act(item, 'release')}
                            aria-label={t('queue.release_named', { title: item.title ?? '' })}
                          >
                            {t('queue.release')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager page={page} total={data.total} limit={PAGE} onPage={setPage} />
            </>
          )
        }
      </Loaded>
    </Layout>
  );
}

/** /queue: the first language the user may see the queue of (editors and admins may have none of their own). */
export function QueueIndex() {
  const locales = useQueueLocales();
  const first = locales.data?.[0];
  useEffect(() => {
    if (first) navigate(`/queue/${first}`, true);
  }, [first]);
  return (
    <Layout title={t('nav.queue')}>
      <Loaded state={locales}>{(codes) => (codes.length ? <Loading /> : <p class="empty">{t('queue.no_languages')}</p>)}</Loaded>
    </Layout>
  );
}
