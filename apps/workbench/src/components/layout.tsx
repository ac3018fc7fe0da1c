import type { ComponentChildren } from 'preact';
import { api } from '../api/client';
import { LANGUAGES, setLanguage, t, useLanguage, type Language } from '../i18n';
import { BASE, navigate } from '../router';
import { isEditor, session, signOutLocally, useSession } from '../session';
import { forgetLocalDrafts, hasLocalDrafts } from '../job/local-draft';
import { Link } from './link';

async function signOut(): Promise<void> {
  const current = session.value;
  // Signing out deletes the unsaved job text kept in this browser: a click on the wrong button must not.
  if (current && hasLocalDrafts(current.user.id) && !confirm(t('nav.sign_out_unsaved'))) return;
  // Revoke the preview token this session minted, then the session itself; sign out here whatever the API says.
  if (current?.preview) await api.DELETE('/admin/v1/tokens/{id}', { params: { path: { id: current.preview.id } } }).catch(() => undefined);
  await api.POST('/admin/v1/auth/logout').catch(() => undefined);
  if (current) forgetLocalDrafts(current.user.id);
  signOutLocally();
  navigate('/login');
}

export function LanguagePicker() {
  const language = useLanguage();
  return (
    <label class="language">
      <span class="sr-only">{t('nav.language')}</span>
      <select value={language} onChange={(event) => setLanguage((event.target as HTMLSelectElement).value as Language)}>
        {Object.entries(LANGUAGES).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Every signed-in screen: a skip link, the header with navigation, language and sign-out, and the screen. */
export function Layout({ title, children }: { title: string; children: ComponentChildren }) {
  const current = useSession();
  useLanguage();
  document.title = `${title} · Kalam`;
  // Editors and admins without languages of their own still reach the queues (the first enabled language's).
  const queueHref = current?.user.locales[0] ? `/queue/${current.user.locales[0]}` : '/queue';
  return (
    <>
      <a class="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header class="top">
        <a class="brand" href={`${BASE}/`} onClick={(event) => (event.preventDefault(), navigate('/'))}>
          Kalam
        </a>
        <nav aria-label={t('nav.label')}>
          <ul>
            {(current?.user.locales.length || isEditor(current)) && (
              <li>
                <Link href={queueHref}>{t('nav.queue')}</Link>
              </li>
            )}
            {isEditor(current) && (
              <li>
                <Link href="/articles">{t('nav.articles')}</Link>
              </li>
            )}
            <li>
              <Link href="/media">{t('nav.media')}</Link>
            </li>
          </ul>
        </nav>
        <div class="account">
          <LanguagePicker />
          <span class="who">{current?.user.displayName ?? current?.user.email}</span>
          <button type="button" class="quiet" onClick={() => void signOut()}>
            {t('nav.sign_out')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
