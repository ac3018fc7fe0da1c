import type { ComponentChildren } from 'preact';
import type { ApiFailure } from '../api/client';
import { fieldLabel, t } from '../i18n';

export function Loading() {
  return (
    <p class="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

/** A refused action or load: the API's localized message, with the per-field details it gave. */
export function ErrorBox({ error, children }: { error: ApiFailure | undefined; children?: ComponentChildren }) {
  if (!error) return null;
  return (
    <div class="error" role="alert">
      <p>{error.message}</p>
      {error.details.length > 0 && (
        <ul>
          {error.details.map((detail, i) => (
            <li key={i}>
              {detail.field ? <strong>{fieldLabel(detail.field)}:</strong> : null} {detail.message}
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

/** A piece of a screen that loads: its spinner, its error with a retry, or its content. */
export function Loaded<T>({
  state,
  children,
}: {
  state: { data?: T; error?: ApiFailure; loading: boolean; reload: () => Promise<void> };
  children: (data: T) => ComponentChildren;
}) {
  const failure = (
    <ErrorBox error={state.error}>
      <button type="button" onClick={() => void state.reload()}>
        {t('common.retry')}
      </button>
    </ErrorBox>
  );
  if (state.data === undefined) return state.error ? failure : <Loading />;
  // A reload that failed keeps what was shown before, but says so: it is no longer current.
  return (
    <>
      {failure}
      {children(state.data)}
    </>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge status-${status}`}>{statusLabel(status)}</span>;
}

const STATUS_KEYS = {
  draft: 'status.draft',
  in_review: 'status.in_review',
  changes_requested: 'status.changes_requested',
  approved: 'status.approved',
  published: 'status.published',
  unpublished: 'status.unpublished',
  archived: 'status.archived',
  open: 'status.open',
  claimed: 'status.claimed',
  done: 'status.done',
  cancelled: 'status.cancelled',
  missing: 'status.missing',
} as const;

export function statusLabel(status: string): string {
  return status in STATUS_KEYS ? t(STATUS_KEYS[status as keyof typeof STATUS_KEYS]) : status;
}
