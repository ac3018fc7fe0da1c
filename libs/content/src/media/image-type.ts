import { imageSize } from 'image-size';

/** Image formats we accept. SVG is refused: it can carry scripts. */
const ALLOWED: Record<string, { mime: string; extension: string }> = {
  jpg: { mime: 'image/jpeg', extension: 'jpg' },
  png: { mime: 'image/png', extension: 'png' },
  gif: { mime: 'image/gif', extension: 'gif' },
  webp: { mime: 'image/webp', extension: 'webp' },
  avif: { mime: 'image/avif', extension: 'avif' },
};

export interface ImageFacts {
  mime: string;
  extension: string;
  width: number | null;
  height: number | null;
}

/** What the bytes are (never what the client claims), or null when they are not an allowed image. */
export function inspectImage(bytes: Buffer): ImageFacts | null {
  try {
    const size = imageSize(bytes);
    const format = size.type ? ALLOWED[size.type] : undefined;
    return format ? { ...format, width: size.width ?? null, height: size.height ?? null } : null;
  } catch {
    return null;
  }
}
