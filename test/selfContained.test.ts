/**
 * The repository carries everything its tests, scripts and product need: a fresh clone with
 * nothing beside it must pass `npm test`. This spec reads every text file of those folders and
 * fails on a path that points outside the repository: a relative path climbing above the root
 * (such as a sibling folder of source documents) or an absolute path of a development machine.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..');

/** The folders and top-level files whose content is checked; generated output is not. */
const CHECKED_FOLDERS = ['.ci', 'appPackage', 'bot', 'cards', 'data', 'dialogs', 'domain', 'scripts', 'storage', 'test'];
const CHECKED_TOP_LEVEL_FILES = ['package.json', 'tsconfig.json', 'tsconfig.build.json', '.mocharc.json', '.env.example', 'README.md'];
const TEXT_EXTENSIONS = new Set(['', '.ts', '.js', '.json', '.yaml', '.yml', '.md', '.txt', '.sh', '.example']);

/** Absolute paths that only exist on somebody's machine (not preceded by a host or word, so URLs pass). */
const MACHINE_PATH = /(?<![\w.:/~-])\/(?:tmp|home|root|work|Users|mnt)\/[^\s'"`)]*/g;
/** Relative path literals: checked by resolving them from the file's own folder. */
const RELATIVE_LITERAL = /['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g;
/** A sibling `shared` folder, however it is reached. */
const SIBLING_SHARED = /\.\.[\\/]+shared\b/g;

export interface OutsidePath {
  file: string;
  line: number;
  text: string;
}

/** Every path in `content` (a file at repo-relative `file`) that points outside the repository. */
export function findOutsidePaths(file: string, content: string): OutsidePath[] {
  const found: OutsidePath[] = [];
  const folder = path.dirname(path.join(REPO_ROOT, file));
  content.split('\n').forEach((lineText, index) => {
    const hit = (text: string) => found.push({ file, line: index + 1, text });
    for (const match of lineText.matchAll(MACHINE_PATH)) hit(match[0]);
    for (const match of lineText.matchAll(SIBLING_SHARED)) hit(match[0]);
    for (const match of lineText.matchAll(RELATIVE_LITERAL)) {
      const resolved = path.resolve(folder, match[1]!);
      if (path.relative(REPO_ROOT, resolved).startsWith('..')) hit(match[1]!);
    }
  });
  return found;
}

function checkedFiles(): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(REPO_ROOT, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(child);
      } else if (TEXT_EXTENSIONS.has(path.extname(entry.name))) {
        files.push(child);
      }
    }
  };
  for (const folder of CHECKED_FOLDERS) {
    if (statSync(path.join(REPO_ROOT, folder), { throwIfNoEntry: false })?.isDirectory()) walk(folder);
  }
  for (const file of CHECKED_TOP_LEVEL_FILES) {
    if (statSync(path.join(REPO_ROOT, file), { throwIfNoEntry: false })?.isFile()) files.push(file);
  }
  return files;
}

describe('The repository is self-contained', () => {
  it('has no test, script, product or config file naming a path outside the repository', () => {
    const files = checkedFiles();
    assert.ok(files.includes(path.join('test', 'domain', 'catalogue.test.ts')), 'the scan reaches the test tree');
    assert.ok(files.includes(path.join('scripts', 'bench.ts')), 'the scan reaches the scripts');
    assert.ok(files.includes(path.join('domain', 'calendar', 'holidays.ts')), 'the scan reaches the product');
    const outside = files.flatMap((file) => findOutsidePaths(file, readFileSync(path.join(REPO_ROOT, file), 'utf8')));
    assert.deepEqual(outside, [], `paths outside the repository:\n${outside.map((o) => `${o.file}:${o.line} ${o.text}`).join('\n')}`);
  });

  it('recognises the kinds of outside path it guards against, and lets repo paths and URLs pass', () => {
    const up = '..';
    const sibling = ['sha', 'red'].join(''); // spelled apart, so that no scan of this file finds it
    const sample = [
      `readFileSync(path.resolve(__dirname, '${up}/${up}/${up}/${sibling}/seeds/004.txt'), 'utf8');`,
      ` * (see ${'/'}work/${sibling}/domain.md, part 3)`,
      `const out = '${'/'}tmp/poolster-out.json';`,
      `spawn('${'/'}home/dev/bin/tool');`,
      `import { x } from '${up}/${up}/domain/catalogue';`,
      `const fixture = path.join(__dirname, '${up}/fixtures/seed.txt');`,
      `const url = 'https://example.org/home/work/tmp/';`,
      `const browser = '/usr/bin/chromium';`,
    ].join('\n');
    const found = findOutsidePaths(path.join('test', 'domain', 'sample.test.ts'), sample);
    assert.deepEqual(
      found.map((f) => f.line),
      [1, 1, 2, 3, 4],
      JSON.stringify(found),
    );
  });
});
