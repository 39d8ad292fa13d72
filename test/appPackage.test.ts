import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import {
  AppPackageError,
  DEFAULT_APP_PACKAGE_DIR,
  MANIFEST_SCHEMA_VERSION,
  buildAppPackage,
  bundledSchemaPath,
  parseDotEnv,
  readDotEnvFile,
  renderManifest,
  resolveBotId,
  substitutePlaceholders,
  validateManifest,
} from '../scripts/packageApp';
import { createZip } from '../scripts/zip';

const TEST_GUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const APP_DIR = DEFAULT_APP_PACKAGE_DIR;

interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  pixels: Buffer;
}

/** Decodes a PNG with pngjs and checks the format Teams asks for: 8-bit RGBA, not interlaced. */
function decodePng(bytes: Buffer): DecodedPng {
  const png = PNG.sync.read(bytes);
  assert.equal(png.depth, 8, 'bit depth 8');
  assert.equal(png.colorType, 6, 'colour type 6 (RGBA)');
  assert.equal(png.interlace, false, 'not interlaced');
  return { width: png.width, height: png.height, pixels: png.data };
}

interface ZipFileEntry {
  name: string;
  data: Buffer;
}

/** Reads a ZIP with fflate (which checks the archive's structure), in central directory order. */
function readZip(zip: Buffer): ZipFileEntry[] {
  return Object.entries(unzipSync(new Uint8Array(zip))).map(([name, data]) => ({ name, data: Buffer.from(data) }));
}

function readTemplate(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(APP_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

interface BotShape {
  botId: string;
  scopes?: string[];
  supportsFiles?: boolean;
  commandLists: { scopes: string[]; commands: { title: string; description?: string }[] }[];
}

// ---------------------------------------------------------------------------------------------

describe('Teams app package', function () {
  this.timeout(30000);

  describe('manifest', () => {
    it('targets the newest Teams schema bundled in @microsoft/app-manifest', () => {
      const template = readTemplate();
      assert.equal(template.manifestVersion, MANIFEST_SCHEMA_VERSION);
      assert.equal(template.$schema, `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_SCHEMA_VERSION}/MicrosoftTeams.schema.json`);
      assert.ok(readFileSync(bundledSchemaPath()).length > 10000, 'bundled schema file is present');
      const [major, minor] = MANIFEST_SCHEMA_VERSION.split('.').map(Number);
      assert.ok(major === 1 && minor! >= 19, 'schema version ≥ 1.19');
    });

    it('uses ${{BOT_ID}} placeholders for the app id and the bot id', () => {
      const template = readTemplate();
      assert.equal(template.id, '${{BOT_ID}}');
      assert.equal((template.bots as BotShape[])[0]!.botId, '${{BOT_ID}}');
    });

    it('with a test GUID validates against the official schema', async () => {
      const manifest = renderManifest({ botId: TEST_GUID, appPackageDir: APP_DIR });
      assert.equal(manifest.id, TEST_GUID);
      assert.deepEqual(await validateManifest(manifest), []);
    });

    it('has the expected names, descriptions, scopes and commands', () => {
      const manifest = renderManifest({ botId: TEST_GUID, appPackageDir: APP_DIR });
      const name = manifest.name as { short: string; full: string };
      const description = manifest.description as { short: string; full: string };
      assert.equal(name.short, 'Poolster');
      assert.equal(name.full, 'Poolster – inschaling en beleidsplan voor het CLB');
      assert.ok(name.full.length <= 100);
      assert.ok(description.short.length <= 80);
      assert.ok(description.full.length <= 4000);
      for (const word of ['inschaling', 'bouwstenen', 'teamresultaat', 'Beleidsplan', 'digest', '1-op-1']) {
        assert.match(description.full, new RegExp(word, 'i'), `full description mentions ${word}`);
      }
      assert.deepEqual(manifest.localizationInfo, { defaultLanguageTag: 'nl-be' });
      assert.equal((manifest.developer as { name: string }).name, 'Poolster');
      for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
        assert.match((manifest.developer as Record<string, string>)[key]!, /^https:\/\/poolster\.example\.be\//);
      }

      const bot = (manifest.bots as BotShape[])[0]!;
      assert.equal(bot.botId, TEST_GUID);
      assert.deepEqual([...bot.scopes!].sort(), ['groupChat', 'personal', 'team']);
      assert.equal(bot.supportsFiles, true);
      const titles = (scope: string) =>
        bot.commandLists.filter((list) => list.scopes.includes(scope)).flatMap((list) => list.commands.map((c) => c.title));
      assert.deepEqual(titles('personal'), [
        'help', 'inschaling', 'verder', 'voortgang', 'resultaat', 'status', 'acties', 'prioriteiten', 'mijn gegevens', 'netwerk',
      ]);
      const teamTitles = ['help', 'status', 'digest hier', 'digest nu', 'start inschaling', 'resultaat'];
      assert.deepEqual(titles('team'), teamTitles);
      assert.deepEqual(titles('groupChat'), teamTitles);
      for (const list of bot.commandLists) {
        assert.ok(list.commands.length <= 10, 'Teams shows at most 10 commands per list');
        for (const command of list.commands) {
          assert.ok(command.title.length <= 32, `title "${command.title}" ≤ 32 chars`);
          assert.ok(command.description && command.description.length <= 128, `description of "${command.title}" ≤ 128 chars`);
        }
      }
    });

    it('a broken manifest fails schema validation (the validator is real)', async () => {
      const valid = renderManifest({ botId: TEST_GUID, appPackageDir: APP_DIR });

      const noScopes = clone(valid);
      delete (noScopes.bots as BotShape[])[0]!.scopes;
      const noScopesErrors = await validateManifest(noScopes);
      assert.ok(noScopesErrors.some((e) => e.includes('/bots/0') && e.includes('scopes')), noScopesErrors.join('\n'));

      const badVersion = clone(valid);
      badVersion.manifestVersion = '1.99';
      const badVersionErrors = await validateManifest(badVersion);
      assert.ok(badVersionErrors.some((e) => e.startsWith('/manifestVersion')), badVersionErrors.join('\n'));

      const badBotId = clone(valid);
      (badBotId.bots as BotShape[])[0]!.botId = 'not-a-guid';
      assert.ok((await validateManifest(badBotId)).some((e) => e.startsWith('/bots/0/botId')));

      const longShortName = clone(valid);
      (longShortName.name as { short: string }).short = 'x'.repeat(31);
      assert.ok((await validateManifest(longShortName)).some((e) => e.startsWith('/name/short')));

      const unknownProperty = clone(valid);
      unknownProperty.notAManifestProperty = true;
      assert.notDeepEqual(await validateManifest(unknownProperty), []);

      const unresolved = clone(valid);
      unresolved.id = '${{BOT_ID}}';
      assert.ok((await validateManifest(unresolved)).some((e) => e.startsWith('/id')));
    });
  });

  describe('icons', () => {
    it('color.png is 192×192 RGBA with an opaque deep blue centre and a white star', () => {
      const png = decodePng(readFileSync(join(APP_DIR, 'color.png')));
      assert.equal(png.width, 192);
      assert.equal(png.height, 192);
      const at = (x: number, y: number) => [...png.pixels.subarray((y * 192 + x) * 4, (y * 192 + x) * 4 + 4)];
      assert.deepEqual(at(96, 96), [255, 255, 255, 255], 'centre of the star is white');
      assert.deepEqual(at(12, 96), [0x1e, 0x3a, 0x8a, 255], 'background is deep blue');
      assert.equal(at(0, 0)[3], 0, 'rounded corner is transparent');
    });

    it('outline.png is 32×32 and has only white or fully transparent pixels', () => {
      const png = decodePng(readFileSync(join(APP_DIR, 'outline.png')));
      assert.equal(png.width, 32);
      assert.equal(png.height, 32);
      let opaque = 0;
      let transparent = 0;
      for (let i = 0; i < png.pixels.length; i += 4) {
        const [r, g, b, a] = [png.pixels[i]!, png.pixels[i + 1]!, png.pixels[i + 2]!, png.pixels[i + 3]!];
        if (a === 0) {
          transparent++;
          continue;
        }
        assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${i / 4} with alpha ${a} must be white`);
        if (a === 255) opaque++;
      }
      assert.ok(opaque > 100, `the star has a solid white body (${opaque} opaque pixels)`);
      assert.ok(transparent > 400, `the background is transparent (${transparent} transparent pixels)`);
    });
  });

  describe('zip', () => {
    it('round-trips stored, deflated and empty entries through the library’s reader', () => {
      const repetitive = Buffer.from('poolster '.repeat(500));
      const incompressible = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 97 + 13) & 0xff));
      const entries = readZip(createZip([
        { name: 'a.txt', data: repetitive },
        { name: 'b.bin', data: incompressible },
        { name: 'leeg.txt', data: Buffer.alloc(0) },
      ]));
      assert.deepEqual(entries.map((e) => e.name), ['a.txt', 'b.bin', 'leeg.txt']);
      assert.ok(entries[0]!.data.equals(repetitive));
      assert.ok(entries[1]!.data.equals(incompressible));
      assert.equal(entries[2]!.data.length, 0);
      assert.throws(() => createZip([{ name: 'x', data: Buffer.alloc(1) }, { name: 'x', data: Buffer.alloc(1) }]), /Duplicate/);
      assert.throws(() => createZip([{ name: '../evil', data: Buffer.alloc(1) }]), /Invalid ZIP entry name/);
    });

    it('the app package contains exactly manifest.json, color.png and outline.png at its root, with the GUID substituted', async () => {
      const zip = await buildAppPackage({ botId: TEST_GUID, appPackageDir: APP_DIR });
      const entries = readZip(zip);
      assert.deepEqual(entries.map((e) => e.name).sort(), ['color.png', 'manifest.json', 'outline.png']);
      const byName = new Map(entries.map((e) => [e.name, e.data]));

      const manifestText = byName.get('manifest.json')!.toString('utf8');
      assert.doesNotMatch(manifestText, /\$\{\{/, 'no placeholder left');
      const manifest = JSON.parse(manifestText) as Record<string, unknown>;
      assert.equal(manifest.id, TEST_GUID);
      assert.equal((manifest.bots as BotShape[])[0]!.botId, TEST_GUID);
      assert.deepEqual(await validateManifest(manifest), []);

      assert.ok(byName.get('color.png')!.equals(readFileSync(join(APP_DIR, 'color.png'))));
      assert.ok(byName.get('outline.png')!.equals(readFileSync(join(APP_DIR, 'outline.png'))));
      assert.ok(zip.equals(await buildAppPackage({ botId: TEST_GUID, appPackageDir: APP_DIR })), 'build is reproducible');
    });

    it('refuses to build a package whose manifest does not validate', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'poolster-apppkg-'));
      try {
        cpSync(APP_DIR, dir, { recursive: true });
        const manifest = readTemplate();
        manifest.manifestVersion = '1.99';
        writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
        await assert.rejects(buildAppPackage({ botId: TEST_GUID, appPackageDir: dir }), (error: unknown) => {
          assert.ok(error instanceof AppPackageError);
          assert.match(error.message, /does not validate against the Teams manifest schema/);
          assert.match(error.message, /\/manifestVersion/);
          return true;
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('BOT_ID', () => {
    it('is read from BOT_ID, else MICROSOFT_APP_ID, the environment winning over .env', () => {
      assert.equal(resolveBotId({ BOT_ID: TEST_GUID }), TEST_GUID);
      assert.equal(resolveBotId({ MICROSOFT_APP_ID: TEST_GUID.toUpperCase() }), TEST_GUID);
      assert.equal(resolveBotId({}, { BOT_ID: TEST_GUID }), TEST_GUID);
      assert.equal(resolveBotId({ BOT_ID: '' }, { MICROSOFT_APP_ID: TEST_GUID }), TEST_GUID);
      const other = '00000000-0000-4000-8000-000000000001';
      assert.equal(resolveBotId({ BOT_ID: other }, { BOT_ID: TEST_GUID }), other);
    });

    it('a missing value gives a clear error naming BOT_ID', () => {
      assert.throws(() => resolveBotId({}, {}), (error: unknown) => {
        assert.ok(error instanceof AppPackageError);
        assert.match(error.message, /^BOT_ID is not set\./);
        assert.match(error.message, /MICROSOFT_APP_ID/);
        assert.match(error.message, /GUID/);
        return true;
      });
      assert.throws(() => resolveBotId({ BOT_ID: '   ' }, {}), /BOT_ID is not set/);
    });

    it('a value that is not a GUID gives a clear error naming the variable', () => {
      assert.throws(() => resolveBotId({ BOT_ID: 'my-bot' }), /^AppPackageError: BOT_ID is not a valid GUID \(got "my-bot"\)/);
      assert.throws(() => resolveBotId({}, { MICROSOFT_APP_ID: '1234' }), /MICROSOFT_APP_ID is not a valid GUID/);
      assert.throws(() => renderManifest({ botId: 'nope', appPackageDir: APP_DIR }), /not a valid GUID/);
    });

    it('parses simple .env files', () => {
      assert.deepEqual(
        parseDotEnv(`# comment\nBOT_ID=${TEST_GUID}\nexport A = "quoted value"\nB='single'\nC=plain # trailing comment\nnot a line\n\nD=\r\n`),
        { BOT_ID: TEST_GUID, A: 'quoted value', B: 'single', C: 'plain', D: '' },
      );
      const dir = mkdtempSync(join(tmpdir(), 'poolster-env-'));
      try {
        assert.deepEqual(readDotEnvFile(dir), {});
        writeFileSync(join(dir, '.env'), `MICROSOFT_APP_ID=${TEST_GUID}\n`);
        assert.equal(resolveBotId({}, readDotEnvFile(dir)), TEST_GUID);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('rejects placeholders that have no value', () => {
      assert.equal(substitutePlaceholders('{"id":"${{BOT_ID}}"}', { BOT_ID: TEST_GUID }), `{"id":"${TEST_GUID}"}`);
      assert.throws(() => substitutePlaceholders('${{BOT_ID}} ${{TEAMS_APP_ID}}', { BOT_ID: TEST_GUID }), /TEAMS_APP_ID/);
    });
  });
});
