import { diffWords } from 'diff';
import { useEffect, useRef } from 'preact/hooks';
import type { Schemas } from '../api/client';
import { WordDiff } from '../components/word-diff';
import { t } from '../i18n';
import { changedUnits, unitsOf, type Merge, type Units } from './job-text';
import { unitLabel } from './segment-row';

export interface Conflict {
  /** The job as it is now, with the text someone else saved. */
  theirs: Schemas['JobDetailDto'];
  base: Units;
  sentVersion: number | undefined;
  message: string;
  /** Set once the translator reloaded: what was taken from them and what both changed. */
  merge?: Merge;
}

const words = (from: string, to: string) =>
  diffWords(from, to).map((c) => ({ value: c.value, ...(c.added ? { added: true as const } : {}), ...(c.removed ? { removed: true as const } : {}) }));

/**
 * A save refused because someone saved first (412): what they changed since the translator
 * loaded the text, and a reload that keeps every word the translator typed.
 */
export function ConflictPanel({ conflict, onKeepMine }: { conflict: Conflict; onKeepMine: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [conflict.merge]);
  const theirs = unitsOf(conflict.theirs);
  const changedByThem = changedUnits(conflict.base, theirs);
  const segment = (id: string) => conflict.theirs.segments.find((s) => s.id === id)!;
  return (
    <section class="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title" tabIndex={-1} ref={heading}>
        {conflict.merge ? t('conflict.resolved_title') : t('conflict.title')}
      </h2>
      {!conflict.merge ? (
        <>
          <p>{conflict.message}</p>
          {changedByThem.length > 0 ? (
            <>
              <p>{t('conflict.their_changes')}</p>
              <ul class="their-changes">
                {changedByThem.map((id) => (
                  <li key={id}>
                    <strong>{unitLabel(segment(id))}:</strong> <WordDiff changes={words(conflict.base[id] ?? '', theirs[id] ?? '')} />
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('conflict.no_text_changes')}</p>
          )}
          <button type="button" class="primary" onClick={onKeepMine}>
            {t('conflict.reload_keep_mine')}
          </button>
        </>
      ) : (
        <>
          <p>{t('conflict.after_merge', { taken: conflict.merge.taken.length, conflicts: conflict.merge.conflicts.length })}</p>
          {conflict.merge.conflicts.length > 0 && <p>{t('conflict.choose')}</p>}
          <p>{t('conflict.save_now')}</p>
        </>
      )}
    </section>
  );
}
