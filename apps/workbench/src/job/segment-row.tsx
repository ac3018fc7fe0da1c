import { useRef } from 'preact/hooks';
import type { Schemas } from '../api/client';
import { WordDiff } from '../components/word-diff';
import { t, type MessageKey } from '../i18n';
import { footnoteMismatch } from './job-text';

type Segment = Schemas['JobSegmentDto'];
type Diff = Schemas['TextDiffDto'] | null;

export const unitLabel = (segment: Pick<Segment, 'field' | 'paragraph'>) =>
  segment.field === 'body' ? t('unit.paragraph', { n: segment.paragraph ?? 0 }) : t(`unit.${segment.field}` as MessageKey);

/** The source's word-level change to this unit since the translation's base, if the diff has it. */
function changeOf(segment: Segment, diff: Diff) {
  if (!diff) return null;
  if (segment.field !== 'body') return diff.fields.find((f) => f.field === segment.field) ?? null;
  return diff.body.find((p) => p.toParagraph === segment.paragraph) ?? null;
}

/** Source text with its footnote markers set apart, so a translator sees what must be carried over. */
function SourceText({ text }: { text: string }) {
  const parts = text.split(/(\[\^\d+\])/);
  return (
    <>
      {parts.map((part, i) =>
        /^\[\^\d+\]$/.test(part) ? (
          <span key={i} class="fn">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function SegmentRow(props: {
  segment: Segment;
  diff: Diff;
  sourceLang: string;
  targetLang: string;
  value: string;
  editable: boolean;
  conflict?: string;
  onInput: (value: string) => void;
  onTakeTheirs?: () => void;
}) {
  const { segment, value, editable } = props;
  const change = segment.changed ? changeOf(segment, props.diff) : null;
  const mismatch = value.trim() ? footnoteMismatch(segment.text, value) : { missing: [], extra: [] };
  const id = `unit-${segment.id}`;
  const box = useRef<HTMLTextAreaElement>(null);
  // A suggestion the box already holds has nothing to offer.
  const suggestions = segment.memory.filter((match) => match.target.trim() !== value.trim());
  const rows = Math.min(
    14,
    Math.max(segment.field === 'body' ? 3 : 1, Math.ceil(Math.max(value.length, segment.text.length) / 55) + (value.match(/\n/g)?.length ?? 0)),
  );
  return (
    <section class={`segment${segment.changed ? ' changed' : ''}${props.conflict !== undefined ? ' conflicted' : ''}`} aria-labelledby={`${id}-label`}>
      <h2 id={`${id}-label`} class="segment-label">
        {unitLabel(segment)}
        {segment.changed && <span class="badge changed-badge">{t('job.changed')}</span>}
        {!value.trim() && <span class="badge todo-badge">{t('job.untranslated')}</span>}
      </h2>
      <div class="pair">
        <div class="source" id={`${id}-source`} lang={props.sourceLang}>
          {change && 'changes' in change && change.changes ? (
            <p>
              <span class="sr-only">{t('job.source_changes')} </span>
              <WordDiff changes={change.changes} />
            </p>
          ) : (
            <p>
              <SourceText text={segment.text} />
            </p>
          )}
          {change && 'status' in change && change.status === 'added' && <p class="note">{t('job.new_paragraph')}</p>}
        </div>
        <div class="target">
          <label for={id} class="sr-only">
            {t('job.translation_of', { unit: unitLabel(segment) })}
          </label>
          <textarea
            ref={box}
            id={id}
            data-unit={segment.id}
            class={segment.field === 'body' ? 'para' : undefined}
            lang={props.targetLang}
            rows={rows}
            value={value}
            readOnly={!editable}
            aria-describedby={`${id}-source${mismatch.missing.length || mismatch.extra.length ? ` ${id}-checks` : ''}`}
            onInput={(event) => props.onInput((event.target as HTMLTextAreaElement).value)}
          />
          {(mismatch.missing.length > 0 || mismatch.extra.length > 0) && (
            <ul class="checks-inline" id={`${id}-checks`}>
              {mismatch.missing.map((n) => (
                <li key={`m${n}`}>{t('job.footnote_missing', { n })}</li>
              ))}
              {mismatch.extra.map((n) => (
                <li key={`e${n}`}>{t('job.footnote_extra', { n })}</li>
              ))}
            </ul>
          )}
          {props.conflict !== undefined && (
            <div class="theirs">
              <p>
                <strong>{t('conflict.their_version')}</strong> {props.conflict}
              </p>
              <button type="button" onClick={props.onTakeTheirs}>
                {t('conflict.take_theirs')}
              </button>
            </div>
          )}
          {editable && suggestions.length > 0 && (
            <ul class="memory" aria-label={t('job.memory_for', { unit: unitLabel(segment) })}>
              {suggestions.map((match, i) => (
                <li key={i}>
                  <span class="score">{match.exact ? t('job.exact') : `${Math.round(match.score)} %`}</span>
                  <span class="memory-target">{match.target}</span>
                  <button
                    type="button"
                    class="quiet"
                    onClick={() => {
                      props.onInput(match.target);
                      // The button goes (the box now holds its text): keyboard focus would fall to the page; the text is there to edit.
                      box.current?.focus();
                    }}
                    aria-label={t('job.use_suggestion', { score: Math.round(match.score) })}
                  >
                    {t('job.use')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
