import type { Schemas } from '../api/client';
import { t } from '../i18n';
import { deliveryUrl } from '../review/preview';

type Media = Schemas['MediaResponseDto'];

/**
 * An image's preview: for an upload, the delivery API's 640-pixel WebP rendition (made once,
 * cached on disk and by the browser for a year) rather than the original, which may be 10 MB; the
 * page's CSP allows images from the delivery API's origin and no other. External images are named
 * by their host: the CSP keeps other origins' images out of the page.
 */
export function MediaThumb({ media, alt }: { media: Media; alt: string }) {
  if (media.kind !== 'upload') {
    let host = media.url;
    try {
      host = new URL(media.url).host;
    } catch {
      // Shown as stored.
    }
    return <div class="thumb external">{t('media.external', { host })}</div>;
  }
  return (
    <div class="thumb">
      <img
        src={`${deliveryUrl()}/v1/media/${encodeURIComponent(media.id)}?w=640&format=webp`}
        alt={alt}
        width={media.width ?? undefined}
        height={media.height ?? undefined}
        loading="lazy"
        decoding="async"
      />
    </div>
  );
}
