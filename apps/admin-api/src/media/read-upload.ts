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

// busboy decodes text fields as UTF-8 leniently (a bad byte becomes U+FFFD and is stored so). Read
// as latin1, a field's string holds its bytes one to one; they are then decoded strictly, as JSON bodies are.
const FIELD_CHARSET = 'latin1';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function decodeField(value: string): string {
  try {
    return strictUtf8.decode(Buffer.from(value, FIELD_CHARSET));
  } catch {
    throw KalamError.badRequest('request.invalid_utf8');
  }
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
    part = await request.file({ limits: { ...LIMITS, fileSize: maxBytes }, defCharset: FIELD_CHARSET });
    if (!part) throw KalamError.badRequest('media.no_file');
    bytes = await part.toBuffer();
    // @fastify/multipart throws only when a chunk arrives after the cut: a file that reaches the
    // limit exactly on a chunk boundary comes back truncated, without an error.
    if (part.file.truncated) throw new KalamError(413, 'media.too_large', { limit: maxBytes });
  } catch (error) {
    throw uploadError(error, maxBytes);
  }
  const field = (name: string): string | undefined => {
    const value = part.fields[name];
    const single = Array.isArray(value) ? value[0] : value;
    return single && 'value' in single && typeof single.value === 'string' ? single.value : undefined;
  };
  // Form fields get the checks JSON bodies get: no NUL, no lone surrogate, and `translations`
  // through the same strict parser (depth, malformed JSON).
  const rawCredit = field('credit');
  const credit = rawCredit === undefined ? undefined : decodeField(rawCredit);
  assertStorableText({ credit, filename: part.filename });
  const rawTranslations = field('translations');
  const translations = rawTranslations === undefined ? undefined : parseJsonBody(Buffer.from(rawTranslations, FIELD_CHARSET), maxJsonDepth);
  return { bytes, filename: part.filename, fields: { credit, translations } };
}
