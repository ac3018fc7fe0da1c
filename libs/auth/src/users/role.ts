export const ROLES = ['admin', 'editor', 'author', 'translator'] as const;
export type Role = (typeof ROLES)[number];
