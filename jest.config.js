/** Unit specs live beside the code; HTTP-level specs in test/ run against the embedded PostgreSQL. */
const transform = { '^.+\\.ts$': ['@swc/jest'] };
const moduleNameMapper = { '^@kalam/([a-z-]+)$': '<rootDir>/libs/$1/src' };

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      roots: ['<rootDir>/apps', '<rootDir>/libs'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      displayName: 'http',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
