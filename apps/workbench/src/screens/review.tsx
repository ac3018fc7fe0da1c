import { useState } from 'preact/hooks';
import { api, ifMatch, ok, type Schemas } from '../api/client';
import { Layout } from '../components/layout';
import { Link } from '../components/link';
import { ErrorBox, Loaded, StatusBadge } from '../components/states';
import { useAction, useLoad } from '../hooks';
import { formatDate, t, type MessageKey } from '../i18n';
import { Comments } from '../review/comments';
import { JobLink } from '../review/job-link';
import { previewToken, previewUrl } from '../review/preview';
import { isEditor, session } from '../session';

type Translation = Schemas['TranslationDetailDto'];
type Transition = Translation['allowed'][number];

/** Steps a translator may take; the rest are an editor's (the API enforces it either way). */
const TRANSLATOR_STEPS: Transition[] = ['submit'];

export function ReviewScreen({ articleId, locale }: { articleId: string; locale: string }) {
  const path = { id: articleId, locale };
  const translation = useLoad(() => ok(api.GET('/admin/v1/articles/{id}/translations/{locale}', { params: { path } })), [articleId, locale]);
  // Kept here, scoped to the text it was said about: back and forward between two texts reuse this screen.
  const [notice, setNotice] = useState<{ text: string; at: string }>();
  const title = translation.data ? translation.data.title : t('review.title');
  return (
    <Layout title={title}>
      <Loaded state={translation}>
        {(data) => (
          // Keyed by the text, not its version: a step's reload must not drop a comment or reply being typed.
          <Review
            key={`${data.articleId}/${data.locale}`}
            translation={data}
            reload={translation.reload}
            notice={notice?.at === `${articleId}/${locale}` ? notice.text : undefined}
            setNotice={(text) => setNotice({ text, at: `${articleId}/${locale}` })}
          />
        )}
      </Loaded>
    </Layout>
  );
}

function Review({
  translation,
  reload,
  notice,
  setNotice,
}: {
  translation: Translation;
  reload: () => Promise<void>;
  notice: string | undefined;
  setNotice: (text: string) => void;
}) {
  const { articleId, locale } = translation;
  const path = { id: articleId, locale };
  const [note, setNote] = useState('');
  const [when, setWhen] = useState('');
  const action = useAction();
  const preview = useLoad(() => previewToken().then((token) => previewUrl(locale, translation.slug, token)), [locale, translation.slug]);
  const editor = isEditor(session.value);
  const may = (step: Transition) => translation.allowed.includes(step) && (editor || TRANSLATOR_STEPS.includes(step));
  const paragraphs = translation.body.split(/\n[ \t]*\n/).filter((p) => p.trim()).length;

  const step = (transition: Transition, extra: { publishAt?: string } = {}) =>
    void action.run(async () => {
      await ok(
        api.POST('/admin/v1/articles/{id}/translations/{locale}/{transition}', {
          params: { path: { ...path, transition }, header: ifMatch(translation.version) },
          body: { ...(note.trim() ? { comment: note.trim() } : {}), ...extra },
        }),
      );
      // A publish with a time only schedules it: "Published." would tell the editor readers see it now.
      setNotice(extra.publishAt ? t('review.done.scheduled', { time: formatDate(extra.publishAt) }) : t(`review.done.${transition}` as MessageKey));
      setNote('');
      setWhen('');
      await reload();
    });

  const schedule = () => {
    const at = new Date(when);
    if (Number.isNaN(at.getTime())) return;
    step('publish', { publishAt: at.toISOString() });
  };

  return (
    <div class="review">
      <dl class="meta">
        <div>
          <dt>{t('review.language')}</dt>
          <dd>{locale.toUpperCase()}</dd>
        </div>
        <div>
          <dt>{t('queue.status')}</dt>
          <dd>
            <StatusBadge status={translation.status} /> <span class="muted">v{translation.version}</span>
          </dd>
        </div>
        <div>
          <dt>{t('review.live')}</dt>
          <dd>
            {translation.liveRevisionId ? t('review.live_since', { time: formatDate(translation.publishedAt) }) : t('review.not_live')}
            {translation.hasUnpublishedChanges && <span class="badge">{t('review.unpublished_changes')}</span>}
          </dd>
        </div>
        {translation.publishAt && (
          <div>
            <dt>{t('review.scheduled')}</dt>
            <dd>{formatDate(translation.publishAt)}</dd>
          </div>
        )}
      </dl>
      <p class="links">
        <Link href={`/articles/${articleId}/${locale}/revisions`}>{t('review.revisions')}</Link>
        <JobLink articleId={articleId} locale={locale} version={translation.version} />
        {preview.data ? (
          <a href={preview.data} target="_blank" rel="noopener noreferrer">
            {t('review.preview')}
            <span class="sr-only"> {t('common.new_tab')}</span>
          </a>
        ) : (
          <span class="muted">{preview.error ? preview.error.message : t('common.loading')}</span>
        )}
      </p>

      <div class="review-grid">
        <article class="reading" lang={locale} aria-labelledby="text-title">
          <h2 id="text-title">{t('review.text')}</h2>
          {translation.subtitle && <p class="subtitle">{translation.subtitle}</p>}
          {translation.summary && <p class="summary">{translation.summary}</p>}
          {/* Rendered and sanitized by the API (the same HTML the delivery API serves). */}
          <div class="body" dangerouslySetInnerHTML={{ __html: translation.bodyHtml }} />
        </article>
        <div class="side">
          <section class="actions-panel" aria-labelledby="actions-title">
            <h2 id="actions-title">{t('review.actions')}</h2>
            {notice && (
              <p class="notice" role="status">
                {notice}
              </p>
            )}
            <ErrorBox error={action.error} />
            <label>
              {t('review.note')}
              <textarea rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} aria-describedby="note-hint" />
            </label>
            <p id="note-hint" class="hint">
              {t('review.note_hint')}
            </p>
            <div class="buttons">
              {may('approve') && (
                <button type="button" class="primary" disabled={action.busy} onClick={() => step('approve')}>
                  {t('review.approve')}
                </button>
              )}
              {may('request-changes') && (
                <button type="button" disabled={action.busy || !note.trim()} onClick={() => step('request-changes')}>
                  {t('review.request_changes')}
                </button>
              )}
              {may('publish') && (
                <button type="button" class="primary" disabled={action.busy} onClick={() => step('publish')}>
                  {t('review.publish')}
                </button>
              )}
              {may('submit') && (
                <button type="button" disabled={action.busy} onClick={() => step('submit')}>
                  {t('job.submit')}
                </button>
              )}
              {may('unpublish') && (
                <button type="button" class="danger" disabled={action.busy} onClick={() => step('unpublish')}>
                  {t('review.unpublish')}
                </button>
              )}
              {may('reopen') && (
                <button type="button" disabled={action.busy} onClick={() => step('reopen')}>
                  {t('review.reopen')}
                </button>
              )}
            </div>
            {may('publish') && (
              <div class="schedule">
                <label>
                  {t('review.schedule_at')}
                  <input type="datetime-local" value={when} onInput={(e) => setWhen((e.target as HTMLInputElement).value)} />
                </label>
                <button type="button" disabled={action.busy || !when} onClick={schedule}>
                  {t('review.schedule')}
                </button>
              </div>
            )}
          </section>
          <Comments articleId={articleId} locale={locale} version={translation.version} paragraphs={paragraphs} />
        </div>
      </div>
    </div>
  );
}
