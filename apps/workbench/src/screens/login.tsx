import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { ErrorBox } from '../components/states';
import { LanguagePicker } from '../components/layout';
import { useAction } from '../hooks';
import { t, useLanguage } from '../i18n';
import { currentPath, navigate, query } from '../router';
import { session, takeSessionEnded } from '../session';

/** Only a path inside the workbench: `next` comes from the address bar. */
function safeNext(): string {
  const next = query(currentPath()).get('next') ?? '/';
  const inside = next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') && !next.split(/[/?]/).includes('..');
  return inside && !next.startsWith('/login') ? next : '/';
}

export function LoginScreen() {
  useLanguage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const emailField = useRef<HTMLInputElement>(null);
  const [ended] = useState(takeSessionEnded);
  document.title = `${t('login.title')} · Kalam`;
  useEffect(() => emailField.current?.focus(), []);

  const submit = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const login = await ok(api.POST('/admin/v1/auth/login', { body: { email, password } }));
      const headers = { authorization: `Bearer ${login.accessToken}` };
      const user = await ok(api.GET('/admin/v1/auth/me', { headers }));
      session.set({ token: login.accessToken, expiresAt: Date.now() + login.expiresIn * 1000, user });
      navigate(safeNext(), true);
    });
  };

  return (
    <main id="main" class="login" tabIndex={-1}>
      <div class="login-top">
        <LanguagePicker />
      </div>
      <form class="card" onSubmit={submit} aria-busy={action.busy}>
        <h1>{t('login.title')}</h1>
        <p class="muted">{t('login.intro')}</p>
        {ended && (
          <p class="notice" role="status">
            {t('login.session_ended')}
          </p>
        )}
        <label>
          {t('login.email')}
          <input ref={emailField} type="email" autoComplete="username" required value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t('login.password')}
          <input type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
        </label>
        <ErrorBox error={action.error} />
        <button type="submit" class="primary" disabled={action.busy}>
          {action.busy ? t('login.signing_in') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
