import { api, ok } from '../api/client';
import { session } from '../session';

/** Where the delivery API is, as the admin API told the page (a meta tag it fills in when serving it). */
export function deliveryUrl(): string {
  const given = document.querySelector<HTMLMetaElement>('meta[name="kalam-delivery-url"]')?.content ?? '';
  if (/^https?:\/\//.test(given)) return given.replace(/\/+$/, '');
  return `${location.protocol}//${location.hostname}:3001`;
}

/**
 * A preview token for this session's preview links: minted once (it can only read drafts through the
 * delivery API, for a day), reused, and revoked at sign-out.
 */
let minting: Promise<string> | null = null;

export function previewToken(): Promise<string> {
  const current = session.value!;
  if (current.preview && current.preview.expiresAt > Date.now() + 60_000) return Promise.resolve(current.preview.token);
  // Two screens asking at once share one token (sign-out revokes the one the session knows).
  minting ??= mint().finally(() => (minting = null));
  return minting;
}

async function mint(): Promise<string> {
  const minted = await ok(api.POST('/admin/v1/tokens', { body: { name: 'Workbench preview', kind: 'preview', expiresInDays: 1 } }));
  const preview = { id: minted.id, token: minted.token!, expiresAt: minted.expiresAt ? Date.parse(minted.expiresAt) : Date.now() + 86_400_000 };
  session.set({ ...session.value!, preview });
  return preview.token;
}

export const previewUrl = (locale: string, slug: string, token: string) =>
  `${deliveryUrl()}/v1/${encodeURIComponent(locale)}/articles/${encodeURIComponent(slug)}?preview=${encodeURIComponent(token)}`;
