import type { FastifyRequest } from 'fastify';
import { KalamError } from '@kalam/core';
import { assertStorableText, parseJsonBody } from '@kalam/platform';

/** Reads the one file of a multipart upload (and the text fields sent before it), within `maxBytes`. */
export interface RawUpload {
  bytes: Buffer;
  filename: string;
  fields: { credit?: string; translations?: unknown };
}

const LIMITS = { files: 1, fields: 10, parts: 12, fieldSize: 64 * 1024 };

// busboy decodes a text field in the charset its part names (UTF-8 when none), leniently: a byte
// that is not UTF-8 becomes U+FFFD. The part's own charset cannot be seen from here, so the
// replacement character is the sign: a field holding one is refused as JSON bodies with bad
// UTF-8 are, rather than stored damaged. (A caption that means U+FFFD literally is refused too.)
function checkedText(text: string): string {
  if (text.includes('\uFFFD')) throw KalamError.badRequest('request.invalid_utf8');
  return text;
}

/** @fastify/multipart's and busboy's failures as client errors; anything else is ours and stays a 500. */
function uploadError(error: unknown, maxBytes: number): unknown {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new KalamError(413, 'media.too_large', { limit: maxBytes });
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new KalamError(413, 'request.too_many_parts', { limit: LIMITS.parts });
  // A form cut off mid-file ends the stream early (ERR_STREAM_PREMATURE_CLOSE), and a client that
  // hangs up before the file part arrives aborts the request (ECONNRESET): malformed too, not ours.
  const malformed = ['FST_INVALID_MULTIPART_CONTENT_TYPE', 'FST_PROTO_VIOLATION', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET'];
  if ((code && malformed.includes(code)) || /multipart|boundary|unexpected end|malformed|header/i.test(message ?? '')) {
    return new KalamError(400, 'request.malformed_multipart', {}, [], { reason: (message ?? 'unreadable').slice(0, 120) });
  }
  return error;
}

export async function readUpload(request: FastifyRequest, maxBytes: number, maxJsonDepth: number): Promise<RawUpload> {
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  let bytes: Buffer;
  try {
    part = await request.file({ limits: { ...LIMITS, fileSize: maxBytes } });
    if (!part) throw KalamError.badRequest('media.no_file');
    bytes = await part.toBuffer();
    // @fastify/multipart throws only when a chunk arrives after the cut: a file that reaches the
    // limit exactly on a chunk boundary comes back truncated, without an error.
    if (part.file.truncated) throw new KalamError(413, 'media.too_large', { limit: maxBytes });
  } catch (error) {
    throw uploadError(error, maxBytes);
  }
  /** A field's text (a part typed application/json arrives parsed: its JSON again). */
  const field = (name: string): string | undefined => {
    const value = part.fields[name];
    const single = Array.isArray(value) ? value[0] : value;
    if (!single || !('value' in single) || single.value === undefined) return undefined;
    return checkedText(typeof single.value === 'string' ? single.value : JSON.stringify(single.value));
  };
  // Form fields get the checks JSON bodies get: valid UTF-8, no NUL, no lone surrogate, and
  // `translations` through the same strict parser (depth, malformed JSON).
  const credit = field('credit');
  assertStorableText({ credit, filename: part.filename });
  const rawTranslations = field('translations');
  const translations = rawTranslations === undefined ? undefined : parseJsonBody(Buffer.from(rawTranslations, 'utf8'), maxJsonDepth);
  return { bytes, filename: part.filename, fields: { credit, translations } };
}
