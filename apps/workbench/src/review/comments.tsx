import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../api/client';
import { ErrorBox, Loaded } from '../components/states';
import { useAction, useLoad } from '../hooks';
import { fieldLabel, formatDate, t } from '../i18n';
import { session } from '../session';

type Comment = Schemas['CommentResponseDto'];

function anchor(comment: Comment): string {
  if (comment.paragraph) return t('unit.paragraph', { n: comment.paragraph });
  return comment.field ? fieldLabel(comment.field) : '';
}

/** The review conversation of one translation: threads, replies, resolving, and a new comment (optionally on a paragraph). */
export function Comments({
  articleId,
  locale,
  version,
  compact = false,
  paragraphs = 0,
}: {
  articleId: string;
  locale: string;
  /** The translation's version: a workflow step's note becomes a comment, so a new version reloads them. */
  version?: number;
  compact?: boolean;
  paragraphs?: number;
}) {
  const path = { id: articleId, locale };
  const comments = useLoad(() => ok(api.GET('/admin/v1/articles/{id}/translations/{locale}/comments', { params: { path } })), [articleId, locale, version]);
  const [body, setBody] = useState('');
  const [paragraph, setParagraph] = useState('');
  const [reply, setReply] = useState<Record<string, string>>({});
  const action = useAction();
  const me = session.value!.user.id;

  const post = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      await ok(
        api.POST('/admin/v1/articles/{id}/translations/{locale}/comments', {
          params: { path },
          body: { body, ...(paragraph ? { field: 'body' as const, paragraph: Number(paragraph) } : {}) },
        }),
      );
      setBody('');
      setParagraph('');
      await comments.reload();
    });
  };
  const answer = (parent: Comment) =>
    void action.run(async () => {
      await ok(
        api.POST('/admin/v1/articles/{id}/translations/{locale}/comments/{commentId}/reply', {
          params: { path: { ...path, commentId: parent.id } },
          body: { body: reply[parent.id] ?? '' },
        }),
      );
      setReply((r) => ({ ...r, [parent.id]: '' }));
      await comments.reload();
    });
  const resolve = (thread: Comment) =>
    void action.run(async () => {
      await ok(api.POST('/admin/v1/articles/{id}/translations/{locale}/comments/{commentId}/resolve', { params: { path: { ...path, commentId: thread.id } } }));
      await comments.reload();
    });

  return (
    <section class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments.title')}</h2>
      <ErrorBox error={action.error} />
      <Loaded state={comments}>
        {(all) => {
          const threads = all.filter((c) => !c.parentId);
          if (!threads.length) return <p class="empty">{t('comments.none')}</p>;
          return (
            <ol class="threads">
              {threads.map((thread) => (
                <li key={thread.id} class={thread.resolved ? 'resolved' : ''}>
                  <CommentBody comment={thread} me={me} />
                  <ol class="replies">
                    {all
                      .filter((c) => c.parentId === thread.id)
                      .map((r) => (
                        <li key={r.id}>
                          <CommentBody comment={r} me={me} />
                        </li>
                      ))}
                  </ol>
                  {!thread.resolved && !compact && (
                    <div class="reply">
                      <label>
                        <span class="sr-only">{t('comments.reply_to', { text: thread.body.slice(0, 40) })}</span>
                        <input
                          type="text"
                          placeholder={t('comments.reply')}
                          value={reply[thread.id] ?? ''}
                          onInput={(e) => setReply((r) => ({ ...r, [thread.id]: (e.target as HTMLInputElement).value }))}
                        />
                      </label>
                      <button type="button" disabled={action.busy || !(reply[thread.id] ?? '').trim()} onClick={() => answer(thread)}>
                        {t('comments.send_reply')}
                      </button>
                      <button type="button" class="quiet" disabled={action.busy} onClick={() => resolve(thread)}>
                        {t('comments.resolve')}
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ol>
          );
        }}
      </Loaded>
      {!compact && (
        <form class="new-comment" onSubmit={post}>
          <label>
            {t('comments.new')}
            <textarea rows={3} required value={body} onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)} />
          </label>
          {paragraphs > 0 && (
            <label>
              {t('comments.on_paragraph')}
              <select value={paragraph} onChange={(e) => setParagraph((e.target as HTMLSelectElement).value)}>
                <option value="">{t('comments.whole_text')}</option>
                {Array.from({ length: paragraphs }, (_v, i) => (
                  <option key={i} value={String(i + 1)}>
                    {t('unit.paragraph', { n: i + 1 })}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" disabled={action.busy || !body.trim()}>
            {t('comments.post')}
          </button>
        </form>
      )}
    </section>
  );
}

function CommentBody({ comment, me }: { comment: Comment; me: string }) {
  return (
    <article class="comment">
      <p class="comment-meta">
        <span>{comment.authorId === me ? t('comments.you') : (comment.authorName ?? t('comments.colleague'))}</span>
        <span class="muted"> · {formatDate(comment.createdAt)}</span>
        {anchor(comment) && <span class="badge">{anchor(comment)}</span>}
        {comment.resolved && <span class="badge">{t('comments.resolved')}</span>}
      </p>
      <p class="comment-body">{comment.body}</p>
    </article>
  );
}
