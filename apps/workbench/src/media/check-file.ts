/** What an upload must fit, as the API tells it (GET /admin/v1/media/limits). */
export interface UploadLimits {
  maxBytes: number;
  types: string[];
}

export type FileProblem = { kind: 'too_large'; size: number; limit: number } | { kind: 'wrong_type'; type: string };

/**
 * Why the API would refuse this file, found before sending it: a 40 MB photo over a newsroom's
 * connection should fail in a moment, not after the upload. The type is only checked when the
 * browser knows it (some report no type for AVIF); the API checks the bytes whatever we say here.
 */
export function checkFile(file: { size: number; type: string }, limits: UploadLimits): FileProblem | null {
  if (file.size > limits.maxBytes) return { kind: 'too_large', size: file.size, limit: limits.maxBytes };
  if (file.type && !limits.types.includes(file.type)) return { kind: 'wrong_type', type: file.type };
  return null;
}

/** The short names people know the accepted types by: image/jpeg → JPEG. */
export function typeNames(types: string[]): string {
  return types.map((type) => type.replace(/^image\//, '').toUpperCase()).join(', ');
}
