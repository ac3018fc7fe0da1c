/** Unit specs live beside the code; HTTP-level specs in test/ run against the embedded PostgreSQL. */
const transform = { '^.+\\.(ts|js)$': ['@swc/jest'] };
// ES-module-only dependencies that jest (on Node 20) must compile to CommonJS; everything else in
// node_modules is loaded as is. (Node itself loads them natively via require(esm).)
const ESM_ONLY = ['content-disposition'];
const transformIgnorePatterns = [`^(?!.*/node_modules/(${ESM_ONLY.join('|')})/).*/node_modules/`];
const moduleNameMapper = { '^@kalam/([a-z-]+)$': '<rootDir>/libs/$1/src' };

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      roots: ['<rootDir>/apps', '<rootDir>/libs'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      displayName: 'http',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
