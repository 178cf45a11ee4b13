// The Teams app package: the manifest passes its schema, lists what the bot understands, in Dutch and
// English, with icons Teams accepts; npm run package:teams's zip holds exactly that.
import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildManifest,
  checkManifest,
  PackageError,
  packageTeamsApp,
  readManifestBytes,
  readManifestFile,
} from '../../src/channels/teams/manifest.ts';
import { isAlertsHere } from '../../src/flows/commands.ts';

const settings = {
  botAppId: '5f0d8b7e-1c2a-4d3b-9e8f-6a7b8c9d0e1f',
  host: 'prestatiemonitor.example.nl',
  version: '0.1.0',
};
const localization = () => JSON.parse(readManifestFile('en-us.json')) as Record<string, string>;

interface Manifest {
  manifestVersion: string;
  id: string;
  validDomains: string[];
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string }[] }[];
  }[];
}

/** Width, height, colour type and the RGBA pixels of an unfiltered 8-bit PNG. */
function readPng(bytes: Uint8Array) {
  const buffer = Buffer.from(bytes);
  expect(buffer.subarray(1, 4).toString('ascii')).toBe('PNG');
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  const colourType = buffer[25];
  const idat: Buffer[] = [];
  for (let at = 8; at < buffer.length; ) {
    const length = buffer.readUInt32BE(at);
    if (buffer.subarray(at + 4, at + 8).toString('ascii') === 'IDAT')
      idat.push(buffer.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixel = (x: number, y: number) => [
    ...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4),
  ];
  return { width, height, colourType, pixel };
}

describe('Teams manifest', () => {
  it('passes its schema, at version 1.19 or later, with the settings filled in', () => {
    const manifest = buildManifest(settings) as unknown as Manifest;
    expect(checkManifest(manifest, localization())).toEqual([]);
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(manifest.id).toBe(settings.botAppId);
    expect(manifest.bots[0]?.botId).toBe(settings.botAppId);
    expect(manifest.validDomains).toEqual(['prestatiemonitor.example.nl']);
    expect(JSON.stringify(manifest)).not.toContain('{{');
  });

  it('is refused by the schema when a field breaks a documented limit', () => {
    const manifest = buildManifest(settings) as unknown as Record<string, Record<string, unknown>>;
    (manifest.name as Record<string, unknown>).short = 'Prestatiemonitor voor het LEF-raamcontract';
    manifest.accentColor = 'blue' as never;
    const problems = checkManifest(manifest, { ...localization(), 'description.short': 'x'.repeat(81) });
    // Microsoft's own schema of the declared version finds them; our draft does not repeat them.
    expect(problems).toEqual([
      expect.stringMatching(
        /^manifest\.json \(Microsoft v1\.19\)\/name\/short: must NOT have more than 30 characters/,
      ),
      expect.stringMatching(/^manifest\.json \(Microsoft v1\.19\)\/accentColor: must match pattern/),
      expect.stringMatching(
        /^en-us\.json \(Microsoft v1\.19\)\/description\.short: must NOT have more than 80 characters/,
      ),
    ]);
  });

  it('is checked against the Microsoft schema of the version it declares, and refused for a version without one', () => {
    const manifest = buildManifest(settings) as unknown as Record<string, unknown>;
    // An unknown top-level field is refused by Microsoft's schema itself.
    expect(checkManifest({ ...manifest, colour: '#ffffff' }, localization())).toContainEqual(
      expect.stringMatching(/^manifest\.json \(Microsoft v1\.19\)\/: must NOT have additional properties/),
    );
    expect(checkManifest({ ...manifest, manifestVersion: '1.99' }, localization())).toContainEqual(
      'manifest.json/manifestVersion: Microsoft publishes no MicrosoftTeams.schema.json for version "1.99"',
    );
  });

  it('names a wrong setting instead of building a broken package', () => {
    expect(() => buildManifest({ ...settings, botAppId: 'my-bot' })).toThrow(PackageError);
    expect(() => buildManifest({ ...settings, host: 'https://x.nl/api' })).toThrow(/BOT_HOST/);
  });

  it('has the bot in personal and team scope, with commands the bot understands, in both languages', () => {
    const manifest = buildManifest(settings) as unknown as Manifest;
    const bot = manifest.bots[0];
    expect(bot?.scopes).toEqual(['personal', 'team']);
    const titles = (scope: string) =>
      bot?.commandLists.find((list) => list.scopes.includes(scope))?.commands.map((c) => c.title);
    expect(titles('personal')).toEqual(['scorecard', 'sessie', 'help']);
    expect(titles('team')).toEqual(['scorecard', 'alerts hier', 'help']);
    expect(isAlertsHere('alerts hier')).toBe(true);
    // Every command's description has its English translation.
    const english = localization();
    for (const [l, list] of (bot?.commandLists ?? []).entries())
      for (const c of list.commands.keys())
        expect(english[`bots[0].commandLists[${l}].commands[${c}].description`]).toMatch(/\w/);
  });

  it('has a 192×192 colour icon and a 32×32 white-on-transparent outline icon', () => {
    const color = readPng(readManifestBytes('color.png'));
    expect([color.width, color.height, color.colourType]).toEqual([192, 192, 6]);
    expect(color.pixel(0, 0)[3]).toBe(255); // full colour: opaque background
    const outline = readPng(readManifestBytes('outline.png'));
    expect([outline.width, outline.height, outline.colourType]).toEqual([32, 32, 6]);
    for (let y = 0; y < 32; y++)
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = outline.pixel(x, y);
        expect(a === 0 || (r === 255 && g === 255 && b === 255)).toBe(true);
      }
    expect(outline.pixel(0, 0)[3]).toBe(0);
  });

  it('packages the manifest, the English strings and the icons at the top of one zip', () => {
    const files = unzipSync(packageTeamsApp(settings));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest).toEqual(buildManifest(settings));
  });
});
