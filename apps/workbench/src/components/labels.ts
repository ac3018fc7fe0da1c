import { t, type MessageKey } from '../i18n';

/** Job priorities and kinds as people read them. */
export const priorityLabel = (priority: string) => t(`priority.${priority}` as MessageKey);
export const kindLabel = (kind: string) => t(`kind.${kind}` as MessageKey);
