import { useState } from 'preact/hooks';
import { api, ifMatch, ok, type Schemas } from '../api/client';
import { Layout } from '../components/layout';
import { Pager } from '../components/pager';
import { ErrorBox, Loaded } from '../components/states';
import { useAction, useLoad } from '../hooks';
import { currentLanguage, formatBytes, t } from '../i18n';
import { MediaEdit } from '../media/media-edit';
import { MediaThumb } from '../media/media-thumb';
import { UploadForm } from '../media/upload-form';
import { useSession, type Session } from '../session';

type Media = Schemas['MediaResponseDto'];
const PAGE = 12;

/** The API's rule (canWorkIn): admins everywhere; others in their languages, none listed meaning all except for translators. */
function worksIn(current: Session | null, locale: string): boolean {
  const user = current?.user;
  if (!user) return false;
  if (user.role === 'admin') return true;
  if (user.locales.length === 0) return user.role !== 'translator';
  return user.locales.includes(locale);
}

/** Whether the API would let this user change an image's credit (canManageRecord): admins; editors holding every language it has text in; authors on their own. */
function mayCredit(current: Session | null, media: Media): boolean {
  const role = current?.user.role;
  if (role === 'admin') return true;
  if (role === 'author') return media.createdBy === current?.user.id;
  return role === 'editor' && Object.keys(media.translations).every((locale) => worksIn(current, locale));
}

/** Captions (canEditRecordLocale): anyone in their languages, except authors, who may touch only images they added. */
const mayEdit = (current: Session | null, media: Media) => current?.user.role !== 'author' || media.createdBy === current.user.id;

/** Deleting removes every language's text (canDeleteRecord): admins, and editors holding all of them. */
const mayDelete = (current: Session | null, media: Media) => current?.user.role !== 'author' && mayCredit(current, media);

/** A caption in the interface's language, else in any language, else the credit: how people tell images apart. */
function nameOf(media: Media, n: number): string {
  const texts = [media.translations[currentLanguage()], ...Object.values(media.translations)];
  return texts.find((text) => text?.caption)?.caption ?? media.credit ?? t('media.image', { n });
}

/**
 * Images with their credits and captions: upload (editors, admins, authors), and edit the credit
 * and the captions of the languages one may write (translators: their own).
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
  const locales = useLoad(async () => (await ok(api.GET('/admin/v1/locales'))).filter((l) => l.enabled).map((l) => l.code), []);
  const media = useLoad(() => ok(api.GET('/admin/v1/media', { params: { query: { page, limit: PAGE } } })), [page]);
  const role = current?.user.role;
  const canUpload = role === 'admin' || role === 'editor' || role === 'author';
  // Only the languages the API will take from this user: offering others ends in a 403 after the upload.
  const writable = (all: string[]) => all.filter((l) => worksIn(current, l));
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
            <Loaded state={locales}>
              {(all) => (
                <UploadForm
                  limits={rules}
                  locales={writable(all)}
                  onUploaded={async () => {
                    setPage(1);
                    await media.reload();
                  }}
                />
              )}
            </Loaded>
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
                {data.items.map((item, i) => {
                  const n = (page - 1) * PAGE + i + 1;
                  const name = nameOf(item, n);
                  const alt = item.translations[currentLanguage()]?.alt ?? Object.values(item.translations).find((x) => x.alt)?.alt ?? '';
                  return (
                    <li key={item.id} class={editing === item.id ? 'media-card editing' : 'media-card'}>
                      <MediaThumb media={item} alt={alt} />
                      <div class="media-text">
                        <p class="media-name">{name}</p>
                        {item.credit && <p class="muted">{item.credit}</p>}
                        {item.width && item.height && (
                          <p class="muted">{t('media.facts', { width: item.width, height: item.height, size: formatBytes(item.sizeBytes ?? 0) })}</p>
                        )}
                        {editing === item.id ? (
                          <Loaded state={locales}>
                            {(all) => (
                              <MediaEdit
                                media={item}
                                locales={writable(all)}
                                canCredit={mayCredit(current, item)}
                                onClose={() => setEditing(undefined)}
                                onGone={async () => {
                                  setEditing(undefined);
                                  setGone(true);
                                  await media.reload();
                                }}
                                onConflict={async () => {
                                  await media.reload();
                                  return ok(api.GET('/admin/v1/media/{id}', { params: { path: { id: item.id } } })).catch(() => undefined);
                                }}
                                onSaved={async () => {
                                  setEditing(undefined);
                                  setSaved(item.id);
                                  await media.reload();
                                }}
                              />
                            )}
                          </Loaded>
                        ) : (
                          <>
                            {saved === item.id && (
                              <p class="notice" role="status">
                                {t('media.saved')}
                              </p>
                            )}
                            {mayEdit(current, item) && (
                              <button
                                type="button"
                                aria-label={t('media.edit_named', { name })}
                                onClick={() => {
                                  setSaved(undefined);
                                  setGone(false);
                                  setEditing(item.id);
                                }}
                              >
                                {t('media.edit')}
                              </button>
                            )}
                            {mayDelete(current, item) && (
                              <button
                                type="button"
                                class="quiet"
                                disabled={removal.busy}
                                aria-label={t('media.delete_named', { name })}
                                onClick={() => void remove(item, name)}
                              >
                                {t('media.delete')}
                              </button>
                            )}
                          </>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
              <Pager page={page} total={data.total} limit={PAGE} onPage={setPage} />
            </>
          )
        }
      </Loaded>
    </Layout>
  );
}
