// One config, three layers told apart by suffix: *.spec.ts (unit, pure),
// *.int-spec.ts (real PostgreSQL/Redis), test/*.e2e-spec.ts (over HTTP).
const fs = require('fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const moduleNameMapper = {
  '^@casework/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@casework/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
// swc rewrites the @casework/* aliases itself, so global set-up files resolve them too.
const tsconfig = JSON.parse(fs.readFileSync(`${__dirname}/tsconfig.json`, 'utf8'));
const swcOptions = {
  ...swc,
  swcrc: false,
  jsc: { ...swc.jsc, baseUrl: __dirname, paths: tsconfig.compilerOptions.paths },
};
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
};
module.exports = {
  // Integration and e2e tests wait on real timers and projections, each wait bounded by
  // the test itself; this is only the backstop (a global option: projects cannot set it).
  testTimeout: 30_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
    },
  ],
};
