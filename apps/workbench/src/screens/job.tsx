import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiFailure, ifMatch, ok, type Schemas } from '../api/client';
import { Layout } from '../components/layout';
import { Link } from '../components/link';
import { ErrorBox, Loaded } from '../components/states';
import { asFailure, useAction, useLoad } from '../hooks';
import { t } from '../i18n';
import { ConflictPanel, type Conflict } from '../job/conflict-panel';
import { assembleText, changedUnits, mergeUnits, unitsOf, type Units } from '../job/job-text';
import { JobMeta } from '../job/job-meta';
import { readLocalDraft, writeLocalDraft } from '../job/local-draft';
import { SegmentRow } from '../job/segment-row';
import { Comments } from '../review/comments';
import { isEditor, session } from '../session';

type Detail = Schemas['JobDetailDto'];

const loadDetail = (id: string) => ok(api.GET('/admin/v1/jobs/{id}', { params: { path: { id } } }));

export function JobScreen({ id }: { id: string }) {
  const detail = useLoad(() => loadDetail(id), [id]);
  return (
    <Layout title={detail.data ? (detail.data.source.text.title ?? t('job.title')) : t('job.title')}>
      <Loaded state={detail}>{(data) => <JobWork key={`${data.job.id}:${data.translation?.version ?? 0}:${data.job.version}`} initial={data} />}</Loaded>
    </Layout>
  );
}

/** Moves focus to the next (1) or previous (-1) unit's text area. */
function focusUnit(from: Element | null, step: 1 | -1): void {
  const areas = [...document.querySelectorAll<HTMLTextAreaElement>('textarea[data-unit]')];
  const at = areas.indexOf(from as HTMLTextAreaElement);
  areas[Math.min(areas.length - 1, Math.max(0, at + step))]?.focus();
}

function JobWork({ initial }: { initial: Detail }) {
  const [detail, setDetail] = useState(initial);
  // What the translator loaded (to tell their edits from others' after a conflict) and what they have now.
  const me = session.value!.user.id;
  // Text typed here before and never saved (the sign-in ran out, the tab closed) comes back, merged with what is saved now.
  const [restored] = useState(() => {
    const kept = readLocalDraft(me, initial.job.id);
    const merge = kept && mergeUnits(kept.base, kept.units, unitsOf(initial));
    return merge && changedUnits(unitsOf(initial), merge.merged).length > 0 ? merge : null;
  });
  const [base, setBase] = useState<Units>(() => unitsOf(initial));
  const [units, setUnits] = useState<Units>(() => restored?.merged ?? unitsOf(initial));
  // Where someone saved a paragraph the kept text also changed, theirs is shown under the box as after a conflict: a save must not drop it unseen.
  const [conflict, setConflict] = useState<Conflict | null>(() =>
    restored?.conflicts.length ? { theirs: initial, base: unitsOf(initial), sentVersion: initial.translation?.version, message: '', merge: restored } : null,
  );
  const [notice, setNotice] = useState<string | undefined>(() => (restored ? t('job.restored', { count: restored.conflicts.length }) : undefined));
  const [comment, setComment] = useState('');
  const action = useAction();
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const { job } = detail;
  const mine = job.status === 'claimed' && job.assignee?.id === me;
  const editable = (mine || (isEditor(session.value) && (job.status === 'open' || job.status === 'claimed'))) && detail.translation?.status !== 'in_review';
  const dirty = changedUnits(base, units).length > 0;
  const checks = useLoad(
    () =>
      detail.translation
        ? ok(api.GET('/admin/v1/articles/{id}/translations/{locale}/checks', { params: { path: { id: job.articleId, locale: job.locale } } }))
        : Promise.resolve(null),
    [detail.translation?.version],
  );

  // Every keystroke is kept in this browser until a save succeeds.
  useEffect(() => {
    writeLocalDraft(me, job.id, dirty ? { base, units, at: Date.now() } : null);
  }, [units, base]);

  // Leaving with unsaved text asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Focus follows a message only when the translator was not typing: a save from a text box
  // (Ctrl+S) leaves them where they were, and the status region announces it.
  const [focusNotice, setFocusNotice] = useState(false);
  useEffect(() => {
    if (notice && focusNotice) noticeRef.current?.focus();
  }, [notice, focusNotice]);

  const say = (message: string) => {
    setFocusNotice(!(document.activeElement instanceof HTMLTextAreaElement));
    setNotice(message);
  };

  const reloadJob = async () => {
    const fresh = await loadDetail(job.id);
    setDetail(fresh);
    return fresh;
  };

  const claim = (what: 'claim' | 'release') =>
    action.run(async () => {
      // Released text can no longer be edited here: saying so first keeps it from being stranded.
      if (what === 'release' && dirty && !confirm(t('job.release_unsaved'))) return;
      await ok(api.POST(`/admin/v1/jobs/{id}/${what}`, { params: { path: { id: job.id } } }));
      await reloadJob();
      say(what === 'claim' ? t('job.claimed') : t('job.released'));
    });

  /** Saves the units; on a version conflict, loads what was saved meanwhile and keeps the translator's text. */
  const save = async (): Promise<boolean> => {
    const body = assembleText(detail, units);
    const version = detail.translation?.version;
    const path = { id: job.articleId, locale: job.locale };
    // The last save's "Saved as version n" must not stand beside this save's conflict or error.
    setNotice(undefined);
    try {
      const saved = await ok(
        api.PUT('/admin/v1/articles/{id}/translations/{locale}', { params: { path, header: version === undefined ? undefined : ifMatch(version) }, body }),
      );
      const fresh = await loadDetail(job.id);
      setDetail(fresh);
      setBase(units);
      setConflict(null);
      say(saved.revisionId ? t('job.saved', { version: saved.version }) : t('job.nothing_changed'));
      return true;
    } catch (error) {
      const failure = asFailure(error);
      if (failure.status !== 412 && failure.status !== 428) throw failure;
      const theirs = await loadDetail(job.id);
      // The API's 428 text speaks to developers (send If-Match); a translator needs to hear what happened.
      const message = t('conflict.versions', { sent: version ?? 0, current: theirs.translation?.version ?? failure.currentVersion ?? 0 });
      setConflict({ theirs, base, sentVersion: version, message });
      return false;
    }
  };

  const keepMine = () => {
    if (!conflict) return;
    const theirUnits = unitsOf(conflict.theirs);
    // The boxes stay editable while the panel is shown: merge what they hold now, not what the refused save sent.
    const merge = mergeUnits(conflict.base, units, theirUnits);
    setDetail(conflict.theirs);
    setBase(theirUnits);
    setUnits(merge.merged);
    setConflict({ ...conflict, merge });
    say(merge.conflicts.length ? t('conflict.merged_with_conflicts', { count: merge.conflicts.length }) : t('conflict.merged'));
  };

  const submit = () =>
    action.run(async () => {
      if (dirty && !(await save())) return;
      const current = await reloadJob();
      if (!current.translation) throw new ApiFailure(409, 'client', t('job.nothing_to_submit'));
      await ok(
        api.POST('/admin/v1/jobs/{id}/submit', {
          params: { path: { id: job.id }, header: ifMatch(current.translation.version) },
          body: { sourceRevisionId: current.source.revisionId, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        }),
      );
      await reloadJob();
      setComment('');
      say(t('job.submitted'));
    });

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (editable && !action.busy) void action.run(save);
    } else if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp') && target.matches('textarea[data-unit]')) {
      event.preventDefault();
      focusUnit(target, event.key === 'ArrowDown' ? 1 : -1);
    }
  };

  const conflictFor = (unit: string) => (conflict?.merge?.conflicts.includes(unit) ? unitsOf(conflict.theirs)[unit] : undefined);

  return (
    <div class="job" onKeyDown={onKeyDown}>
      <JobMeta detail={detail} me={me} />

      <div class="toolbar sticky" role="toolbar" aria-label={t('job.actions')}>
        {job.status === 'open' && (
          <button type="button" class="primary" disabled={action.busy} onClick={() => void claim('claim')}>
            {t('queue.claim')}
          </button>
        )}
        {mine && (
          <button type="button" class="quiet" disabled={action.busy} onClick={() => void claim('release')}>
            {t('queue.release')}
          </button>
        )}
        {editable && (
          <>
            <button type="button" disabled={action.busy || !dirty} onClick={() => void action.run(save)} aria-keyshortcuts="Control+S">
              {t('job.save')}
            </button>
            <button type="button" class="primary" disabled={action.busy} onClick={() => void submit()}>
              {t('job.submit')}
            </button>
          </>
        )}
        {!editable && (
          <Link href={`/queue/${job.locale}`} class="back">
            {t('job.back_to_queue')}
          </Link>
        )}
        <span class="status-line" aria-live="polite">
          {action.busy ? t('common.working') : dirty ? t('job.unsaved') : ''}
        </span>
      </div>
      {notice && (
        <p class="notice" role="status" tabIndex={-1} ref={noticeRef}>
          {notice}
        </p>
      )}
      <ErrorBox error={action.error} />
      {conflict && <ConflictPanel conflict={conflict} onKeepMine={keepMine} />}
      {!editable && job.status === 'open' && <p class="hint">{t('job.claim_first')}</p>}
      {editable && <p class="hint">{t('job.keys')}</p>}

      {checks.data && (checks.data.errors.length > 0 || checks.data.warnings.length > 0) && (
        <section class="checks" aria-labelledby="checks-title">
          <h2 id="checks-title">{t('job.checks')}</h2>
          <ul>
            {checks.data.errors.map((issue, i) => (
              <li key={`e${i}`} class="check-error">
                {issue.message}
              </li>
            ))}
            {checks.data.warnings.map((issue, i) => (
              <li key={`w${i}`} class="check-warning">
                {issue.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      {detail.translation && detail.translation.status === 'changes_requested' && <Comments articleId={job.articleId} locale={job.locale} compact />}

      <div class="columns-head" aria-hidden="true">
        <span>{t('job.source', { locale: detail.sourceLocale.toUpperCase() })}</span>
        <span>{t('job.target', { locale: job.locale.toUpperCase() })}</span>
      </div>
      {detail.segments.map((segment) => (
        <SegmentRow
          key={segment.id}
          segment={segment}
          diff={detail.diff}
          sourceLang={detail.sourceLocale}
          targetLang={job.locale}
          value={units[segment.id] ?? ''}
          editable={editable}
          conflict={conflictFor(segment.id)}
          onInput={(value) => setUnits((current) => ({ ...current, [segment.id]: value }))}
          onTakeTheirs={() => setUnits((current) => ({ ...current, [segment.id]: unitsOf(conflict!.theirs)[segment.id] ?? '' }))}
        />
      ))}
      {editable && (
        <label class="submit-note">
          {t('job.submit_note')}
          <textarea rows={2} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
        </label>
      )}
    </div>
  );
}
