import { useState } from 'preact/hooks';
import { api, ifMatch, ok, type Schemas } from '../api/client';
import { ErrorBox } from '../components/states';
import { useAction } from '../hooks';
import { t } from '../i18n';

type Media = Schemas['MediaResponseDto'];
type Captions = Record<string, { caption: string; alt: string }>;

// The API's limits (MediaTranslationInputDto).
const FIELDS = [
  { field: 'caption', label: 'media.caption', maxLength: 2000 },
  { field: 'alt', label: 'media.alt', maxLength: 500 },
] as const;

const captionsOf = (media: Media, locales: string[]): Captions =>
  Object.fromEntries(locales.map((l) => [l, { caption: media.translations[l]?.caption ?? '', alt: media.translations[l]?.alt ?? '' }]));

/**
 * The credit and per-language captions of one image, saved with If-Match. Only what changed is
 * sent, so a translator touching their language's caption never writes the credit or another
 * language. When someone saved in between (412), the fields this user edited keep their text and
 * the others take the saved values; the next save, against the new version, is a knowing one.
 */
export function MediaEdit({
  media,
  locales,
  canCredit,
  onSaved,
  onConflict,
  onGone,
  onClose,
}: {
  media: Media;
  locales: string[];
  canCredit: boolean;
  onSaved: () => Promise<void>;
  onConflict: () => Promise<Media | undefined>;
  /** The image was deleted meanwhile: nothing here can be saved any more. */
  onGone: () => Promise<void>;
  onClose: () => void;
}) {
  const [base, setBase] = useState({ version: media.version, credit: media.credit ?? '', captions: captionsOf(media, locales) });
  const [credit, setCredit] = useState(base.credit);
  const [captions, setCaptions] = useState(base.captions);
  const [conflict, setConflict] = useState(false);
  const action = useAction();

  const set = (locale: string, field: 'caption' | 'alt', value: string) => setCaptions((all) => ({ ...all, [locale]: { ...all[locale], [field]: value } }));

  const save = async () => {
    const changed = locales.filter((l) => captions[l].caption !== base.captions[l].caption || captions[l].alt !== base.captions[l].alt);
    const body = {
      ...(canCredit && credit !== base.credit ? { credit } : {}),
      ...(changed.length ? { translations: Object.fromEntries(changed.map((l) => [l, captions[l]])) } : {}),
    };
    if (!('credit' in body) && !('translations' in body)) return onClose();
    const saved = await action.run(async () => {
      try {
        return await ok(api.PATCH('/admin/v1/media/{id}', { params: { path: { id: media.id }, header: ifMatch(base.version) }, body }));
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (status === 404) {
          await onGone();
          return undefined;
        }
        if (status !== 412) throw error;
        // Field by field: what the user edited stays theirs; what they did not takes the saved value.
        const fresh = await onConflict();
        if (!fresh) {
          // Changed, then deleted, before we could read it again.
          await onGone();
          return undefined;
        }
        const next = { version: fresh.version, credit: fresh.credit ?? '', captions: captionsOf(fresh, locales) };
        const pick = (mine: string, started: string, saved: string) => (mine === started ? saved : mine);
        setCredit(pick(credit, base.credit, next.credit));
        setCaptions(
          Object.fromEntries(
            locales.map((l) => [
              l,
              {
                caption: pick(captions[l].caption, base.captions[l].caption, next.captions[l].caption),
                alt: pick(captions[l].alt, base.captions[l].alt, next.captions[l].alt),
              },
            ]),
          ),
        );
        setBase(next);
        setConflict(true);
        return undefined;
      }
    });
    if (saved) await onSaved();
  };

  return (
    <form
      class="media-edit"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {canCredit && (
        <label>
          {t('media.credit')}
          <input type="text" maxLength={300} value={credit} onInput={(e) => setCredit((e.target as HTMLInputElement).value)} />
        </label>
      )}
      {locales.map((locale) => (
        <fieldset key={locale}>
          <legend>{t('media.captions_in', { locale: locale.toUpperCase() })}</legend>
          {FIELDS.map(({ field, label, maxLength }) => (
            <label key={field}>
              {t(label)}
              <input
                type="text"
                lang={locale}
                maxLength={maxLength}
                value={captions[locale][field]}
                onInput={(e) => set(locale, field, (e.target as HTMLInputElement).value)}
              />
            </label>
          ))}
        </fieldset>
      ))}
      {conflict && (
        <p class="error" role="alert">
          {t('media.conflict')}
        </p>
      )}
      <ErrorBox error={action.error} />
      <div class="buttons">
        <button type="submit" class="primary" disabled={action.busy}>
          {action.busy ? t('common.working') : t('media.save')}
        </button>
        <button type="button" class="quiet" onClick={onClose}>
          {t('media.cancel')}
        </button>
      </div>
    </form>
  );
}
