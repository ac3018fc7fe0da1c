import sharp from 'sharp';

/** Image formats we accept, by sharp's name for them. SVG is refused: it can carry scripts. */
const ALLOWED: Record<string, { mime: string; extension: string }> = {
  jpeg: { mime: 'image/jpeg', extension: 'jpg' },
  png: { mime: 'image/png', extension: 'png' },
  gif: { mime: 'image/gif', extension: 'gif' },
  webp: { mime: 'image/webp', extension: 'webp' },
  // libheif reads both; only AV1-coded HEIF (AVIF) is accepted.
  heif: { mime: 'image/avif', extension: 'avif' },
};

/** The accepted formats' media types, for clients that check a file before sending it. */
export const ACCEPTED_IMAGE_TYPES: readonly string[] = Object.values(ALLOWED).map((format) => format.mime);

// Decoding refuses anything larger: a small file can claim enormous dimensions (a pixel bomb).
const MAX_PIXELS = 100_000_000;

export interface ImageFacts {
  mime: string;
  extension: string;
  width: number;
  height: number;
}

export type ImageVerdict = { ok: true; facts: ImageFacts } | { ok: false; reason: 'unsupported' | 'unreadable' };

/**
 * What the bytes are (never what the client claims). The format and dimensions are read by libvips
 * with bounds checks, from these bytes only, and the whole image is then decoded: a truncated or
 * corrupt file is `unreadable`, anything that is not one of our formats `unsupported`.
 */
export async function inspectImage(bytes: Buffer): Promise<ImageVerdict> {
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    // libvips knows no format here, or the header itself is cut short.
    return looksLikeAllowedImage(bytes) ? { ok: false, reason: 'unreadable' } : { ok: false, reason: 'unsupported' };
  }
  const format = metadata.format ? ALLOWED[metadata.format] : undefined;
  if (!format || (metadata.format === 'heif' && metadata.compression !== 'av1')) return { ok: false, reason: 'unsupported' };
  if (!metadata.width || !metadata.height) return { ok: false, reason: 'unreadable' };
  try {
    // Decode every pixel (first frame of an animation): a file cut short fails here.
    await sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_PIXELS }).raw().toBuffer();
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!endsWhole(metadata.format, bytes)) return { ok: false, reason: 'unreadable' };
  return { ok: true, facts: { ...format, width: metadata.width, height: metadata.height } };
}

// The whole IEND chunk: length 0, type, CRC.
const PNG_END = Buffer.from('0000000049454e44ae426082', 'hex');

/**
 * PNG and GIF decoders forgive a missing end marker (IEND, the 0x3B trailer), so a file cut just
 * before it would pass; their ends are checked here. The other formats fail to decode instead.
 */
function endsWhole(format: string, bytes: Buffer): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 64));
  if (format === 'png') return tail.includes(PNG_END);
  if (format === 'gif') return tail.includes(0x3b);
  return true;
}

/** The signature of an accepted format, for telling "cut short" from "not an image at all". */
function looksLikeAllowedImage(bytes: Buffer): boolean {
  const ascii = (from: number, to: number) => bytes.subarray(from, to).toString('latin1');
  return (
    (bytes[0] === 0xff && bytes[1] === 0xd8) ||
    ascii(1, 4) === 'PNG' ||
    ascii(0, 3) === 'GIF' ||
    (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') ||
    ascii(4, 8) === 'ftyp'
  );
}
