/** Unit specs live beside the code; HTTP-level specs in test/ run against the embedded PostgreSQL. */
// Transpile only (no type-check per file): `npm test` type-checks the whole project once with tsc.
const transform = { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] };
const roots = ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'];
const moduleNameMapper = { '^@kalam/([a-z0-9-]+)$': '<rootDir>/libs/$1/src' };

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      roots,
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
    },
    {
      displayName: 'http',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      roots,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup/no-concurrent-queries.ts'],
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
