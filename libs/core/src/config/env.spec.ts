import { ConfigError, envBool, envBytes, envInt, envPort, envPostgresUrl } from './env';

describe('env readers', () => {
  it('reads defaults and valid values', () => {
    expect(envPort({}, 'ADMIN_PORT', 3000)).toBe(3000);
    expect(envPort({ ADMIN_PORT: ' 8080 ' }, 'ADMIN_PORT', 3000)).toBe(8080);
    expect(envBool({ KALAM_DEMO: 'false' }, 'KALAM_DEMO')).toBe(false);
    expect(envBytes({ BODY_LIMIT: '2mb' }, 'BODY_LIMIT', 1)).toBe(2 * 1024 * 1024);
    expect(envPostgresUrl({ DATABASE_URL: 'postgres://u:p@db:5432/kalam' }, 'DATABASE_URL')).toBe('postgres://u:p@db:5432/kalam');
  });

  it.each([
    [() => envPort({ ADMIN_PORT: 'abc' }, 'ADMIN_PORT', 3000), /ADMIN_PORT must be a whole number/],
    [() => envPort({ ADMIN_PORT: '70000' }, 'ADMIN_PORT', 3000), /ADMIN_PORT/],
    [() => envInt({ X: '-1' }, 'X', 1), /X must be/],
    [() => envBool({ KALAM_DEMO: 'maybe' }, 'KALAM_DEMO'), /KALAM_DEMO must be true or false/],
    [() => envBytes({ BODY_LIMIT: 'lots' }, 'BODY_LIMIT', 1), /BODY_LIMIT/],
    [() => envPostgresUrl({ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'), /DATABASE_URL must be a postgres/],
    [() => envPostgresUrl({ DATABASE_URL: 'not a url' }, 'DATABASE_URL'), /DATABASE_URL/],
    [() => envPostgresUrl({ DATABASE_URL: 'postgres://host:5432' }, 'DATABASE_URL'), /must name a database/],
  ])('names the variable in the error (%#)', (read, message) => {
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
  });
});
