import { api, ok, type Schemas } from '../api/client';
import { currentLanguage, formatBytes, t } from '../i18n';
import { MediaEdit } from './media-edit';
import { MediaThumb } from './media-thumb';

type Media = Schemas['MediaItemDto'];

/** A caption in the interface's language, else in any language, else the credit: how people tell images apart. */
function nameOf(media: Media, n: number): string {
  const texts = [media.translations[currentLanguage()], ...Object.values(media.translations)];
  return texts.find((text) => text?.caption)?.caption ?? media.credit ?? t('media.image', { n });
}

/**
 * One image in the list: preview, name, credit, size, and the Edit and Delete its `may` allows
 * (the API works that out from the rules it enforces; the page keeps no copy of them).
 */
export function MediaCard(props: {
  media: Media;
  n: number;
  editing: boolean;
  saved: boolean;
  busy: boolean;
  onEdit: () => void;
  onDelete: (name: string) => void;
  onClose: () => void;
  onSaved: () => Promise<void>;
  onGone: () => Promise<void>;
  reload: () => Promise<void>;
}) {
  const { media, editing } = props;
  const name = nameOf(media, props.n);
  const alt = media.translations[currentLanguage()]?.alt ?? Object.values(media.translations).find((x) => x.alt)?.alt ?? '';
  const mayEdit = media.may.credit || media.may.captionLocales.length > 0;
  return (
    <li class={editing ? 'media-card editing' : 'media-card'}>
      <MediaThumb media={media} alt={alt} />
      <div class="media-text">
        <p class="media-name">{name}</p>
        {media.credit && <p class="muted">{media.credit}</p>}
        {media.width && media.height && (
          <p class="muted">{t('media.facts', { width: media.width, height: media.height, size: formatBytes(media.sizeBytes ?? 0) })}</p>
        )}
        {editing ? (
          <MediaEdit
            media={media}
            locales={media.may.captionLocales}
            canCredit={media.may.credit}
            onClose={props.onClose}
            onGone={props.onGone}
            onConflict={async () => {
              await props.reload();
              return ok(api.GET('/admin/v1/media/{id}', { params: { path: { id: media.id } } })).catch(() => undefined);
            }}
            onSaved={props.onSaved}
          />
        ) : (
          <>
            {props.saved && (
              <p class="notice" role="status">
                {t('media.saved')}
              </p>
            )}
            {mayEdit && (
              <button type="button" aria-label={t('media.edit_named', { name })} onClick={props.onEdit}>
                {t('media.edit')}
              </button>
            )}
            {media.may.delete && (
              <button type="button" class="quiet" disabled={props.busy} aria-label={t('media.delete_named', { name })} onClick={() => props.onDelete(name)}>
                {t('media.delete')}
              </button>
            )}
          </>
        )}
      </div>
    </li>
  );
}
