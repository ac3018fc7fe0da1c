import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../api/client';
import { Layout } from '../components/layout';
import { Pager } from '../components/pager';
import { Loaded } from '../components/states';
import { useLoad } from '../hooks';
import { currentLanguage, formatBytes, t } from '../i18n';
import { MediaEdit } from '../media/media-edit';
import { MediaThumb } from '../media/media-thumb';
import { UploadForm } from '../media/upload-form';
import { useSession } from '../session';

type Media = Schemas['MediaResponseDto'];
const PAGE = 12;

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
  const limits = useLoad(() => ok(api.GET('/admin/v1/media/limits')), []);
  const locales = useLoad(async () => (await ok(api.GET('/admin/v1/locales'))).filter((l) => l.enabled).map((l) => l.code), []);
  const media = useLoad(() => ok(api.GET('/admin/v1/media', { params: { query: { page, limit: PAGE } } })), [page]);
  const role = current?.user.role;
  const canUpload = role === 'admin' || role === 'editor' || role === 'author';
  const writable = (all: string[]) => (role === 'translator' ? all.filter((l) => current!.user.locales.includes(l)) : all);

  return (
    <Layout title={t('media.title')}>
      {canUpload && (
        <Loaded state={limits}>
          {(rules) => (
            <Loaded state={locales}>
              {(all) => (
                <UploadForm
                  limits={rules}
                  locales={all}
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
                    <li key={item.id} class="media-card">
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
                                canCredit={role !== 'translator'}
                                onClose={() => setEditing(undefined)}
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
                            <button
                              type="button"
                              aria-label={t('media.edit_named', { name })}
                              onClick={() => {
                                setSaved(undefined);
                                setEditing(item.id);
                              }}
                            >
                              {t('media.edit')}
                            </button>
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
