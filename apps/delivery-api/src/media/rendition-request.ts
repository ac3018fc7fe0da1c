import { KalamError } from '@kalam/core';

/** The only renditions made: a bounded set, so no request can ask for unbounded work. */
export const RENDITION_WIDTHS = [160, 320, 480, 640, 960, 1280, 1920, 2560] as const;
export const RENDITION_FORMATS = ['webp', 'avif', 'jpeg', 'png'] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];

export interface RenditionRequest {
  /** Undefined: the original width (never enlarged anyway). */
  width?: number;
  /** Undefined with no width: the original file as uploaded. */
  format?: RenditionFormat;
}

const refused = (field: string) =>
  KalamError.badRequest('media.rendition_invalid', { widths: RENDITION_WIDTHS.join(', '), formats: RENDITION_FORMATS.join(', ') }, [
    { field, code: 'validation.invalid' },
  ]);

/** Reads `?w=&format=` against the allow-lists; anything else (unknown, repeated, out of list) is a 400. */
export function parseRenditionRequest(query: Record<string, unknown>): RenditionRequest {
  const unknown = Object.keys(query).find((key) => key !== 'w' && key !== 'format');
  if (unknown !== undefined) throw refused(unknown.slice(0, 40));
  const request: RenditionRequest = {};
  if (query.w !== undefined) {
    // Only the canonical spelling (640, not 0640): one URL per rendition, for caches.
    const width = typeof query.w === 'string' && /^[1-9]\d{0,4}$/.test(query.w) ? Number(query.w) : NaN;
    if (!(RENDITION_WIDTHS as readonly number[]).includes(width)) throw refused('w');
    request.width = width;
  }
  if (query.format !== undefined) {
    if (typeof query.format !== 'string' || !(RENDITION_FORMATS as readonly string[]).includes(query.format)) throw refused('format');
    request.format = query.format as RenditionFormat;
  }
  return request;
}

/** The cache file of a rendition, below the media item's own folder. */
export function renditionFileName(request: RenditionRequest, originalFormat: RenditionFormat): string {
  return `${request.width ?? 'full'}.${request.format ?? originalFormat}`;
}
