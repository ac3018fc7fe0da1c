import { checkFile, typeNames } from './check-file';

const limits = { maxBytes: 1000, types: ['image/jpeg', 'image/png', 'image/avif'] };

describe('checkFile', () => {
  it('passes a file at the limit, and refuses one a byte over it with both sizes', () => {
    expect(checkFile({ size: 1000, type: 'image/png' }, limits)).toBeNull();
    expect(checkFile({ size: 1001, type: 'image/png' }, limits)).toEqual({ kind: 'too_large', size: 1001, limit: 1000 });
  });

  it('refuses a type the API does not accept, but lets a file the browser could not type through to the API', () => {
    expect(checkFile({ size: 10, type: 'image/svg+xml' }, limits)).toEqual({ kind: 'wrong_type', type: 'image/svg+xml' });
    expect(checkFile({ size: 10, type: '' }, limits)).toBeNull();
  });

  it('names the size problem first when both apply', () => {
    expect(checkFile({ size: 5000, type: 'application/pdf' }, limits)?.kind).toBe('too_large');
  });
});

describe('typeNames', () => {
  it('names types as people know them', () => {
    expect(typeNames(limits.types)).toBe('JPEG, PNG, AVIF');
  });
});
