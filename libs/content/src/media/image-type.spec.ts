import sharp from 'sharp';
import { inspectImage } from './image-type';

/** A small real image of each accepted format, made by libvips itself. */
async function sample(format: 'jpeg' | 'png' | 'gif' | 'webp' | 'avif'): Promise<Buffer> {
  const image = sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 60, b: 20 } } }).composite([
    { input: Buffer.from('<svg width="40" height="30"><circle cx="20" cy="15" r="12" fill="#1040c0"/></svg>') },
  ]);
  return image.toFormat(format).toBuffer();
}

describe(inspectImage.name, () => {
  it.each(['jpeg', 'png', 'gif', 'webp', 'avif'] as const)('reads a %s from its own bytes', async (format) => {
    const verdict = await inspectImage(await sample(format));
    expect(verdict).toMatchObject({ ok: true, facts: { width: 40, height: 30 } });
  });

  it.each(['jpeg', 'png', 'gif', 'webp', 'avif'] as const)('refuses a %s cut short, at any length, never reading past it', async (format) => {
    const bytes = await sample(format);
    for (const length of [6, 16, 32, Math.floor(bytes.length / 2), bytes.length - 12, bytes.length - 1]) {
      const verdict = await inspectImage(bytes.subarray(0, length));
      expect({ length, ok: verdict.ok }).toEqual({ length, ok: false });
    }
  });

  it('refuses the six bytes "GIF89a" as unreadable, not as a 16705×16705 image', async () => {
    expect(await inspectImage(Buffer.from('GIF89a'))).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('refuses SVG, text and empty input as unsupported', async () => {
    expect(await inspectImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>'))).toEqual({
      ok: false,
      reason: 'unsupported',
    });
    expect(await inspectImage(Buffer.from('%PDF-1.7 not an image'))).toEqual({ ok: false, reason: 'unsupported' });
    expect(await inspectImage(Buffer.alloc(0))).toEqual({ ok: false, reason: 'unsupported' });
  });

  it('refuses a tiny file that claims enormous dimensions', async () => {
    const header = await sharp({ create: { width: 12000, height: 12000, channels: 3, background: { r: 0, g: 0, b: 0 } } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(await inspectImage(header)).toMatchObject({ ok: false });
  });
});
