import { useState } from 'preact/hooks';
import { api, ifMatch, ok } from '../api/client';
import { Layout } from '../components/layout';
import { Link } from '../components/link';
import { ErrorBox, Loaded } from '../components/states';
import { WordDiff } from '../components/word-diff';
import { useAction, useLoad } from '../hooks';
import { formatDate, t, type MessageKey } from '../i18n';

/** A translation's revisions, newest first: pick two to compare, or restore an old one as a new draft. */
export function RevisionsScreen({ articleId, locale }: { articleId: string; locale: string }) {
  const path = { id: articleId, locale };
  const revisions = useLoad(() => ok(api.GET('/admin/v1/articles/{id}/translations/{locale}/revisions', { params: { path } })), [articleId, locale]);
  const translation = useLoad(() => ok(api.GET('/admin/v1/articles/{id}/translations/{locale}', { params: { path } })), [articleId, locale]);
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const action = useAction();
  const list = revisions.data ?? [];
  const older = from ?? list[1]?.id;
  const newer = to ?? list[0]?.id;
  const diff = useLoad(
    () =>
      older && newer && older !== newer
        ? ok(api.GET('/admin/v1/articles/{id}/translations/{locale}/revisions/{from}/diff/{to}', { params: { path: { ...path, from: older, to: newer } } }))
        : Promise.resolve(null),
    [older, newer],
  );

  const restore = (revisionId: string, number: number) =>
    void action.run(async () => {
      if (!translation.data) return;
      if (!confirm(t('revisions.confirm_restore', { number }))) return;
      const restored = await ok(
        api.POST('/admin/v1/articles/{id}/translations/{locale}/revisions/{revisionId}/restore', {
          params: { path: { ...path, revisionId }, header: ifMatch(translation.data.version) },
        }),
      );
      setNotice(t('revisions.restored', { number, version: restored.version }));
      setFrom(undefined);
      setTo(undefined);
      await Promise.all([revisions.reload(), translation.reload()]);
    });

  return (
    <Layout title={t('revisions.title', { title: translation.data?.title ?? '' })}>
      <p class="links">
        <Link href={`/articles/${articleId}/${locale}`}>{t('revisions.back')}</Link>
      </p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={action.error} />
      <Loaded state={revisions}>
        {(all) =>
          all.length === 0 ? (
            <p class="empty">{t('revisions.none')}</p>
          ) : (
            <table class="list revisions">
              <caption class="sr-only">{t('revisions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('revisions.when')}</th>
                  <th scope="col">{t('revisions.message')}</th>
                  <th scope="col">{t('revisions.from')}</th>
                  <th scope="col">{t('revisions.to')}</th>
                  <th scope="col">
                    <span class="sr-only">{t('queue.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {all.map((revision) => (
                  <tr key={revision.id}>
                    <td data-label="#">
                      {revision.number}
                      {revision.live && <span class="badge status-published">{t('revisions.live')}</span>}
                    </td>
                    <td data-label={t('revisions.when')}>{formatDate(revision.createdAt)}</td>
                    <td data-label={t('revisions.message')}>{revision.message ?? '—'}</td>
                    <td data-label={t('revisions.from')}>
                      <input
                        type="radio"
                        name="from"
                        checked={older === revision.id}
                        onChange={() => setFrom(revision.id)}
                        aria-label={t('revisions.compare_from', { number: revision.number })}
                      />
                    </td>
                    <td data-label={t('revisions.to')}>
                      <input
                        type="radio"
                        name="to"
                        checked={newer === revision.id}
                        onChange={() => setTo(revision.id)}
                        aria-label={t('revisions.compare_to', { number: revision.number })}
                      />
                    </td>
                    <td class="actions">
                      {revision.id !== all[0].id && (
                        <button type="button" class="quiet" disabled={action.busy || !translation.data} onClick={() => restore(revision.id, revision.number)}>
                          {t('revisions.restore', { number: revision.number })}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
      <section class="diff" aria-labelledby="diff-title" aria-busy={diff.loading}>
        <h2 id="diff-title">{t('revisions.changes')}</h2>
        <Loaded state={diff}>
          {(result) =>
            !result ? (
              <p class="empty">{t('revisions.pick_two')}</p>
            ) : (
              <>
                <p class="muted">{t('revisions.between', { from: result.from.number, to: result.to.number })}</p>
                {result.diff.fields.length + result.diff.body.length + result.diff.sources.length === 0 && <p>{t('revisions.same')}</p>}
                <dl class="changes">
                  {result.diff.fields.map((field) => (
                    <div key={field.field}>
                      <dt>{t(`unit.${field.field}` as MessageKey)}</dt>
                      <dd>
                        <WordDiff changes={field.changes} />
                      </dd>
                    </div>
                  ))}
                  {result.diff.body.map((paragraph, i) => (
                    <div key={`p${i}`}>
                      <dt>
                        {t('unit.paragraph', { n: paragraph.toParagraph ?? paragraph.fromParagraph ?? 0 })} · {t(`diff.${paragraph.status}` as MessageKey)}
                      </dt>
                      <dd>
                        {paragraph.changes ? (
                          <WordDiff changes={paragraph.changes} />
                        ) : paragraph.status === 'added' ? (
                          <ins>{paragraph.to}</ins>
                        ) : (
                          <del>{paragraph.from}</del>
                        )}
                      </dd>
                    </div>
                  ))}
                  {result.diff.sources.map((source) => (
                    <div key={`s${source.position}`}>
                      <dt>{t('revisions.source', { n: source.position })}</dt>
                      <dd>
                        <del>{source.from ?? '—'}</del> <ins>{source.to ?? '—'}</ins>
                      </dd>
                    </div>
                  ))}
                </dl>
              </>
            )
          }
        </Loaded>
      </section>
    </Layout>
  );
}
