import type { Schemas } from '../api/client';
import { t } from '../i18n';

type Change = Schemas['TextChangeDto'];

/** Word-level changes: removed words struck through, added ones marked, the rest as it was. */
export function WordDiff({ changes }: { changes: Change[] }) {
  return (
    <span class="word-diff">
      {changes.map((change, i) =>
        change.added ? (
          <ins key={i}>
            <span class="sr-only">{t('diff.added')} </span>
            {change.value}
          </ins>
        ) : change.removed ? (
          <del key={i}>
            <span class="sr-only">{t('diff.removed')} </span>
            {change.value}
          </del>
        ) : (
          <span key={i}>{change.value}</span>
        ),
      )}
    </span>
  );
}
