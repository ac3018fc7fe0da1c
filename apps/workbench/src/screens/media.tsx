import { useState } from 'preact/hooks';
import { api, ifMatch, ok, type Schemas } from '../api/client';
import { Layout } from '../components/layout';
import { Pager } from '../components/pager';
import { ErrorBox, Loaded } from '../components/states';
import { useAction, useLoad } from '../hooks';
import { t } from '../i18n';
import { MediaCard } from '../media/media-card';
import { UploadForm } from '../media/upload-form';
import { useSession } from '../session';

type Media = Schemas['MediaItemDto'];
const PAGE = 12;

/**
 * Images with their credits and captions: upload (editors, admins, authors), and edit or delete
 * what each item's `may` allows (translators: captions in their own languages).
 */
export function MediaScreen() {
  const current = useSession();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [gone, setGone] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const removal = useAction();
  const limits = useLoad(() => ok(api.GET('/admin/v1/media/limits')), []);
  const media = useLoad(() => ok(api.GET('/admin/v1/media', { params: { query: { page, limit: PAGE } } })), [page]);
  // The upload route's roles (@Roles on POST /admin/v1/media).
  const role = current?.user.role;
  const canUpload = role === 'admin' || role === 'editor' || role === 'author';

  const remove = async (item: Media, name: string) => {
    setDeleted(false);
    setSaved(undefined);
    if (!confirm(t('media.confirm_delete', { name }))) return;
    // With If-Match: an image someone changed since this list was loaded is not deleted unseen (412, then the list reloads).
    const done = await removal.run(() =>
      ok(api.DELETE('/admin/v1/media/{id}', { params: { path: { id: item.id }, header: ifMatch(item.version) } })).then(() => true),
    );
    setDeleted(done === true);
    await media.reload();
  };

  return (
    <Layout title={t('media.title')}>
      {canUpload && (
        <Loaded state={limits}>
          {(rules) => (
            <UploadForm
              limits={rules}
              locales={rules.captionLocales}
              onUploaded={async () => {
                setPage(1);
                await media.reload();
              }}
            />
          )}
        </Loaded>
      )}
      <ErrorBox error={removal.error} />
      {deleted && (
        <p class="notice" role="status">
          {t('media.deleted')}
        </p>
      )}
      {gone && (
        <p class="error" role="alert">
          {t('media.gone')}
        </p>
      )}
      <Loaded state={media}>
        {(data) =>
          data.items.length === 0 ? (
            <p class="empty">{t('media.empty')}</p>
          ) : (
            <>
              <h2 id="media-list">{t('media.list')}</h2>
              <ul class="media-list" aria-labelledby="media-list">
                {data.items.map((item, i) => (
                  <MediaCard
                    key={item.id}
                    media={item}
                    n={(page - 1) * PAGE + i + 1}
                    editing={editing === item.id}
                    saved={saved === item.id}
                    busy={removal.busy}
                    onEdit={() => {
                      setSaved(undefined);
                      setGone(false);
                      setEditing(item.id);
                    }}
                    onDelete={(name) => void remove(item, name)}
                    onClose={() => setEditing(undefined)}
                    onGone={async () => {
                      setEditing(undefined);
                      setGone(true);
                      await media.reload();
                    }}
                    onSaved={async () => {
                      setEditing(undefined);
                      setSaved(item.id);
                      await media.reload();
                    }}
                    reload={media.reload}
                  />
                ))}
              </ul>
              <Pager page={page} total={data.total} limit={PAGE} onPage={setPage} />
            </>
          )
        }
      </Loaded>
    </Layout>
  );
}
