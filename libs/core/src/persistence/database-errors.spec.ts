import { QueryFailedError } from 'typeorm';
import { escapeLike, isForeignKeyViolation, isUniqueViolation } from './database-errors';

const failure = (code: string, constraint?: string) => new QueryFailedError('q', [], Object.assign(new Error('x'), { code, constraint }));

describe('database errors', () => {
  it('recognises unique violations, optionally by constraint', () => {
    expect(isUniqueViolation(failure('23505', 'users_email_uq'))).toBe(true);
    expect(isUniqueViolation(failure('23505', 'users_email_uq'), 'users_email_uq')).toBe(true);
    expect(isUniqueViolation(failure('23505', 'other'), 'users_email_uq')).toBe(false);
    expect(isUniqueViolation(new Error('23505'))).toBe(false);
  });

  it('recognises foreign key violations', () => {
    expect(isForeignKeyViolation(failure('23503'))).toBe(true);
    expect(isForeignKeyViolation(failure('23505'))).toBe(false);
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
