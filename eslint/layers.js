// @ts-check
/**
 * Who may import whom inside src/ (see docs/ARCHITECTURE.md). Enforced by
 * @typescript-eslint/no-restricted-imports, so `npm test` (which lints) fails on a violation;
 * tests/architecture/layers.test.ts plants violations to prove each rule bites.
 */
import tseslint from 'typescript-eslint';

/** Every folder (and root module) of src/, as import patterns. */
const FOLDERS = ['app', 'charts', 'cli', 'coaching', 'content', 'db', 'discord', 'figures', 'flows', 'qa', 'scheduler', 'views'];
const ROOT_MODULES = ['config', 'logger', 'main'];

const folder = (name) => [`**/${name}/*`, `**/${name}/**`];
const rootModule = (name) => [`**/${name}`, `**/${name}.js`, `**/${name}.ts`];
const except = (allowed) => [...FOLDERS.filter((f) => !allowed.includes(f)).flatMap(folder), ...ROOT_MODULES.flatMap(rootModule)];

/** Value imports of the database's repos and schema; `db/connection` (the handle) and type imports stay allowed. */
const DB_VALUES = { group: ['**/db/repos/*', '**/db/schema', '**/db/schema.js'], allowTypeImports: true };

const rule = (message, group, extra = []) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group, message }, ...extra] }],
});
const viaApp = (what) => ({ ...DB_VALUES, message: `${what} reaches the database only through src/app (one place answers "who writes this table?").` });

export const layers = [
  {
    files: ['src/**/*.ts'],
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  { files: ['src/content/**/*.ts'], rules: rule('src/content is the base layer: it imports nothing of ours.', except([])) },
  { files: ['src/coaching/**/*.ts'], rules: rule('src/coaching is the pure domain: it imports only src/content.', except(['content'])) },
  { files: ['src/figures/**/*.ts'], rules: rule('src/figures may import only src/content, src/coaching and src/charts.', except(['content', 'coaching', 'charts'])) },
  { files: ['src/charts/**/*.ts'], rules: rule('src/charts draws from data: it imports only src/content and src/coaching.', except(['content', 'coaching'])) },
  {
    files: ['src/db/**/*.ts'],
    rules: rule('src/db stores things: it imports neither screens (flows) nor the app or any adapter.', except(['content', 'coaching'])),
  },
  {
    files: ['src/flows/**/*.ts'],
    rules: rule('src/flows is the assessment reducer and its input parsing: no screens, app, adapters or database code (types only).', except(['content', 'coaching', 'db']), [
      { ...DB_VALUES, group: ['**/db/*', '**/db/**'], message: 'src/flows may use database types only.' },
    ]),
  },
  {
    files: ['src/views/**/*.ts'],
    rules: rule('src/views are transport-neutral screens: they import content, coaching, flows and database types, never the app or an adapter.', except(['content', 'coaching', 'db', 'flows']), [
      { ...DB_VALUES, group: ['**/db/*', '**/db/**'], message: 'src/views may use database types only.' },
    ]),
  },
  { files: ['src/app/**/*.ts'], rules: rule('src/app is the use-case layer: adapters (discord, cli, scheduler, qa) call it, never the other way.', except(['content', 'coaching', 'db', 'flows', 'views', 'charts'])) },
  {
    files: ['src/scheduler/**/*.ts'],
    rules: rule('src/scheduler sends through its DmSender port (src/scheduler/ports.ts); it never imports src/discord or src/cli.', [...folder('discord'), ...folder('cli'), ...rootModule('main')], [viaApp('src/scheduler')]),
  },
  {
    files: ['src/qa/**/*.ts'],
    rules: rule('src/qa answers questions; it never imports the adapters that call it.', [...folder('discord'), ...folder('cli'), ...folder('scheduler'), ...rootModule('main')], [viaApp('src/qa')]),
  },
  {
    files: ['src/discord/**/*.ts'],
    rules: rule('src/discord is an adapter: it never imports src/cli or main.', [...folder('cli'), ...rootModule('main')], [viaApp('src/discord')]),
  },
  {
    files: ['bench/**/*.ts', 'testkit/**/*.ts'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: rule('bench/ and testkit/ share helpers through testkit/, never tests/.', ['**/tests/*', '**/tests/**']),
  },
];
