import { useEffect } from 'preact/hooks';
import { Layout } from './components/layout';
import { t, useLanguage } from './i18n';
import { match, navigate, usePath } from './router';
import { ArticlesScreen } from './screens/articles';
import { JobScreen } from './screens/job';
import { LoginScreen } from './screens/login';
import { MediaScreen } from './screens/media';
import { QueueIndex, QueueScreen } from './screens/queue';
import { ReviewScreen } from './screens/review';
import { RevisionsScreen } from './screens/revisions';
import { isEditor, useSession, type Session } from './session';

/** Where a user starts: editors at the article list, translators at their first language's queue. */
function home(current: Session): string {
  if (isEditor(current)) return '/articles';
  if (current.user.locales[0]) return `/queue/${current.user.locales[0]}`;
  return '/articles';
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, true), [to]);
  return null;
}

export function App() {
  const path = usePath();
  const current = useSession();
  useLanguage();

  // Focus the new screen's main region after a navigation, so keyboard and screen-reader users start
  // there, unless the screen put the focus somewhere inside it itself (the sign-in form's email field).
  useEffect(() => {
    const main = document.getElementById('main');
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  }, [path.split('?')[0]]);

  if (!current) return match('/login', path) ? <LoginScreen /> : <Redirect to={`/login?next=${encodeURIComponent(path)}`} />;
  if (match('/login', path) || match('/', path)) return <Redirect to={home(current)} />;

  let params: Record<string, string> | null;
  if (match('/queue', path)) return <QueueIndex />;
  if ((params = match('/queue/:locale', path))) return <QueueScreen locale={params.locale} />;
  if ((params = match('/jobs/:id', path))) return <JobScreen id={params.id} />;
  if (match('/articles', path)) return <ArticlesScreen path={path} />;
  if (match('/media', path)) return <MediaScreen />;
  if ((params = match('/articles/:id/:locale', path))) return <ReviewScreen articleId={params.id} locale={params.locale} />;
  if ((params = match('/articles/:id/:locale/revisions', path))) return <RevisionsScreen articleId={params.id} locale={params.locale} />;
  return (
    <Layout title={t('notfound.title')}>
      <p>{t('notfound.body')}</p>
    </Layout>
  );
}
