import { useEffect, useState } from 'preact/hooks';
import { api, type Schemas } from '../api/client';
import { t } from '../i18n';

type Media = Schemas['MediaResponseDto'];

/**
 * An uploaded image's preview. The file endpoint needs the bearer token, which an <img src> cannot
 * send, so the bytes are fetched and shown from a blob URL (the page's CSP allows blob: images).
 * External images are named by their host: the CSP keeps other origins' images out of the page.
 */
export function MediaThumb({ media, alt }: { media: Media; alt: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    if (media.kind !== 'upload') return;
    let url: string | undefined;
    let gone = false;
    void api
      .GET('/admin/v1/media/{id}/file', { params: { path: { id: media.id } }, parseAs: 'blob' })
      .then(({ data, response }) => {
        if (gone || !response.ok || !(data instanceof Blob)) return;
        url = URL.createObjectURL(data);
        setSrc(url);
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [media.id, media.kind]);

  if (media.kind !== 'upload') {
    let host = media.url;
    try {
      host = new URL(media.url).host;
    } catch {
      // Shown as stored.
    }
    return <div class="thumb external">{t('media.external', { host })}</div>;
  }
  return <div class="thumb">{src ? <img src={src} alt={alt} width={media.width ?? undefined} height={media.height ?? undefined} /> : null}</div>;
}
