import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../api/client';
import { ErrorBox } from '../components/states';
import { useAction } from '../hooks';
import { formatBytes, t } from '../i18n';
import { checkFile, typeNames, type FileProblem, type UploadLimits } from './check-file';

function problemText(problem: FileProblem, limits: UploadLimits): string {
  if (problem.kind === 'too_large') return t('media.too_large', { size: formatBytes(problem.size), limit: formatBytes(problem.limit) });
  return t('media.wrong_type', { type: problem.type, types: typeNames(limits.types) });
}

/**
 * Upload an image with its credit and one language's caption. A file the API would refuse for its
 * size or type is refused here before a byte is sent; whatever the API still refuses (the bytes are
 * not an image, the limit changed) shows as its localized message.
 */
export function UploadForm({ limits, locales, onUploaded }: { limits: UploadLimits; locales: string[]; onUploaded: () => Promise<void> }) {
  const [file, setFile] = useState<File>();
  const [credit, setCredit] = useState('');
  const [locale, setLocale] = useState(locales[0] ?? '');
  const [caption, setCaption] = useState('');
  const [alt, setAlt] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();
  const problem = file ? checkFile(file, limits) : null;

  const submit = async (form: HTMLFormElement) => {
    if (!file || problem) return;
    const uploaded = await action.run(async () => {
      const text = caption.trim() || alt.trim() ? { [locale]: { caption: caption.trim(), alt: alt.trim() } } : undefined;
      // The API reads the text fields before the file, so the file goes last.
      const body = new FormData();
      if (credit.trim()) body.append('credit', credit.trim());
      if (text) body.append('translations', JSON.stringify(text));
      body.append('file', file, file.name);
      return ok<Schemas['MediaResponseDto']>(api.POST('/admin/v1/media', { body: {} as never, bodySerializer: () => body }));
    });
    if (!uploaded) return;
    form.reset();
    setFile(undefined);
    setCredit('');
    setCaption('');
    setAlt('');
    setDone(true);
    await onUploaded();
  };

  return (
    <form
      class="upload"
      aria-labelledby="upload-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <h2 id="upload-title">{t('media.upload')}</h2>
      <label>
        {t('media.file')}
        <input
          type="file"
          name="file"
          required
          accept={limits.types.join(',')}
          aria-describedby={problem ? 'file-problem' : 'file-hint'}
          aria-invalid={problem ? 'true' : undefined}
          onChange={(event) => {
            setDone(false);
            action.clear();
            setFile((event.target as HTMLInputElement).files?.[0]);
          }}
        />
      </label>
      {problem ? (
        <p id="file-problem" class="error" role="alert">
          {problemText(problem, limits)}
        </p>
      ) : (
        <p id="file-hint" class="hint">
          {t('media.file_hint', { types: typeNames(limits.types), limit: formatBytes(limits.maxBytes) })}
        </p>
      )}
      <label>
        {t('media.credit')}
        <input type="text" maxLength={300} value={credit} onInput={(e) => setCredit((e.target as HTMLInputElement).value)} />
      </label>
      <div class="caption-fields">
        <label>
          {t('media.caption_language')}
          <select value={locale} onChange={(e) => setLocale((e.target as HTMLSelectElement).value)}>
            {locales.map((code) => (
              <option key={code} value={code}>
                {code.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('media.caption')}
          <input type="text" maxLength={2000} value={caption} onInput={(e) => setCaption((e.target as HTMLInputElement).value)} />
        </label>
        <div>
          <label>
            {t('media.alt')}
            <input type="text" maxLength={500} value={alt} aria-describedby="alt-hint" onInput={(e) => setAlt((e.target as HTMLInputElement).value)} />
          </label>
          <p id="alt-hint" class="hint">
            {t('media.alt_hint')}
          </p>
        </div>
      </div>
      <ErrorBox error={action.error} />
      {done && (
        <p class="notice" role="status">
          {t('media.uploaded')}
        </p>
      )}
      <button type="submit" class="primary" disabled={action.busy || !!problem}>
        {action.busy ? t('media.uploading') : t('media.send')}
      </button>
    </form>
  );
}
