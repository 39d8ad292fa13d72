/**
 * The layer rules of Poolster (README "How it is built"), checked by dependency-cruiser in
 * `npm test` (`npm run depcheck`). A violation fails with the rule's name.
 *
 * Paths are relative to the directory depcruise runs in (the repository root), so the same rules
 * also apply to the small fixture tree test/layers/layers.test.ts builds to prove each rule fires.
 */
const path = require('node:path');

/** Libraries that are pure (no I/O, no clock, no globals): allowed in domain/. */
const DOMAIN_LIBS = ['zod', 'yaml', 'exceljs', '@js-temporal/polyfill', 'temporal-polyfill', 'date-fns', '@date-fns/tz', 'date-fns-tz'];
/** The card templating libraries: allowed in cards/. */
const CARD_LIBS = ['adaptivecards-templating', 'adaptive-expressions'];
/** The table client and its credential, plus zod for rows: allowed in storage/. */
const STORAGE_LIBS = ['@azure/data-tables', '@azure/identity', 'zod', 'lru-cache'];

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const packages = (names) => `(^|/)node_modules/(${names.map(escape).join('|')})/`;

/** The Teams / Bot Framework SDK: only the transport (bot/) may know it. */
const SDK = '(^|/)node_modules/(botbuilder[^/]*|@microsoft/teams-ai|botframework-[^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-domain',
      comment: 'domain/ is plain TypeScript over typed data: it imports domain/ and a few pure libraries only.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { pathNot: ['^domain/', packages(DOMAIN_LIBS)] },
    },
    {
      name: 'cards-only-cards-and-domain',
      comment: 'cards/ are templates and pure render functions: they import cards/, domain/ and the templating library only.',
      severity: 'error',
      from: { path: '^cards/' },
      to: { pathNot: ['^cards/', '^domain/', packages(CARD_LIBS)] },
    },
    {
      name: 'storage-only-storage-and-domain',
      comment: 'storage/ repositories import storage/, domain/, Node built-ins and the table client only.',
      severity: 'error',
      from: { path: '^storage/' },
      to: { pathNot: ['^storage/', '^domain/', packages(STORAGE_LIBS)], dependencyTypesNot: ['core'] },
    },
    {
      name: 'dialogs-not-bot-or-scripts',
      comment: 'Features (dialogs/) talk to the transport through dialogs/types.ts only, never to bot/ or scripts/.',
      severity: 'error',
      from: { path: '^dialogs/' },
      to: { path: '^(bot|scripts)/' },
    },
    {
      name: 'sdk-only-in-bot',
      comment: 'Only bot/ (and the bench\'s echo bot, and the tests) know botbuilder, teams-ai or botframework-*.',
      severity: 'error',
      from: { pathNot: ['^bot/', '^scripts/echoBot\\.ts$', '^test/'] },
      to: { path: SDK },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // test/layers/fixture/ is the deliberately broken tree of test/layers/layers.test.ts.
    exclude: { path: ['(^|/)dist/', '(^|/)test-output/', '^test/layers/fixture/'] },
    // Type-only imports count: a cycle through `import type` is still a cycle between modules.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: path.join(__dirname, 'tsconfig.json') },
    moduleSystems: ['cjs', 'es6'],
  },
};
