import type { Schemas } from '../api/client';
import { kindLabel, priorityLabel } from '../components/labels';
import { Link } from '../components/link';
import { StatusBadge } from '../components/states';
import { formatDate, t } from '../i18n';

/** What a job is: languages, kind, priority, due date, who holds it until when, and the translation's state. */
export function JobMeta({ detail, me }: { detail: Schemas['JobDetailDto']; me: string }) {
  const { job } = detail;
  return (
    <dl class="meta">
      <div>
        <dt>{t('job.languages')}</dt>
        <dd>
          {detail.sourceLocale.toUpperCase()} → {job.locale.toUpperCase()}
        </dd>
      </div>
      <div>
        <dt>{t('queue.kind')}</dt>
        <dd>{kindLabel(job.kind)}</dd>
      </div>
      <div>
        <dt>{t('queue.priority')}</dt>
        <dd>{priorityLabel(job.priority)}</dd>
      </div>
      <div>
        <dt>{t('queue.due')}</dt>
        <dd>{formatDate(job.dueAt)}</dd>
      </div>
      <div>
        <dt>{t('queue.status')}</dt>
        <dd>
          <StatusBadge status={job.status} />
          {/* Who holds it only while someone does: a submitted job is with the editors, whoever translated it. */}
          {job.assignee && job.status === 'claimed' && (
            <span class="muted">
              {' '}
              {job.assignee.id === me
                ? t(job.claimedUntil ? 'job.yours_until' : 'job.yours', { time: formatDate(job.claimedUntil) })
                : t(job.claimedUntil ? 'job.held_by_until' : 'job.held_by', { name: job.assignee.displayName, time: formatDate(job.claimedUntil) })}
            </span>
          )}
        </dd>
      </div>
      {detail.translation && (
        <div>
          <dt>{t('job.translation')}</dt>
          <dd>
            <StatusBadge status={detail.translation.status} /> <span class="muted">v{detail.translation.version}</span>{' '}
            <Link href={`/articles/${job.articleId}/${job.locale}`}>{t('job.open_review')}</Link>
          </dd>
        </div>
      )}
    </dl>
  );
}
