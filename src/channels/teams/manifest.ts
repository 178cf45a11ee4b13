// The Teams app package: manifests/teams/manifest.json with the settings filled in (Teams app id,
// bot app id, host name, version), the English localization file and the two icons, zipped as Teams
// wants it (all files at the top level). Checked against Microsoft's schema of its version, then our own draft.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { zipSync } from 'fflate';

const DIR = fileURLToPath(new URL('../../../manifests/teams/', import.meta.url));

export interface PackageSettings {
  /** The bot's Microsoft Entra app id (MICROSOFT_APP_ID). */
  botAppId: string;
  /** The Teams app's own id; by default the bot's app id. */
  teamsAppId?: string;
  /** The public host name the bot answers on (BOT_HOST), e.g. prestatiemonitor.example.nl. */
  host: string;
  version: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export class PackageError extends Error {}

export function readManifestFile(name: string): string {
  return readFileSync(`${DIR}${name}`, 'utf8');
}

export function readManifestBytes(name: string): Buffer {
  return readFileSync(`${DIR}${name}`);
}

/** The manifest with the settings filled in; throws PackageError naming a wrong setting. */
export function buildManifest(settings: PackageSettings): Record<string, unknown> {
  const problems: string[] = [];
  if (!GUID.test(settings.botAppId)) problems.push("MICROSOFT_APP_ID: expected the bot's app id, a GUID");
  if (settings.teamsAppId !== undefined && !GUID.test(settings.teamsAppId))
    problems.push('TEAMS_APP_ID: expected a GUID');
  if (!HOST.test(settings.host))
    problems.push('BOT_HOST: expected a host name such as prestatiemonitor.example.nl');
  if (problems.length > 0) throw new PackageError(problems.join('\n'));
  const values: Record<string, string> = {
    APP_VERSION: settings.version,
    TEAMS_APP_ID: settings.teamsAppId ?? settings.botAppId,
    MICROSOFT_APP_ID: settings.botAppId,
    BOT_HOST: settings.host.toLowerCase(),
  };
  const filled = readManifestFile('manifest.json').replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new PackageError(`manifest.json: unknown placeholder {{${name}}}`);
    return value;
  });
  return JSON.parse(filled) as Record<string, unknown>;
}

const require = createRequire(import.meta.url);
// Both are CommonJS; required so that their default export is the function itself.
const AjvDraft04 = require('ajv-draft-04') as typeof Ajv;
const addFormats = require('ajv-formats') as (ajv: Ajv) => Ajv;

/**
 * Microsoft's own schema (draft-04) of a manifest version, from the @microsoft/app-manifest package,
 * which ships every published version; undefined for a version it does not know.
 */
function microsoftSchema(
  version: string,
  file: 'MicrosoftTeams' | 'MicrosoftTeams.Localization',
): object | undefined {
  if (!/^\d+\.\d+$/.test(version)) return undefined;
  try {
    return require(
      `@microsoft/app-manifest/build/json-schemas/teams/v${version}/${file}.schema.json`,
    ) as object;
  } catch {
    return undefined;
  }
}

/**
 * Schema problems of a manifest and its localization file, as "path: message" lines: first against
 * Microsoft's schema of the version the manifest declares, then against our own draft, which adds the
 * checks Microsoft's leaves out (unknown properties, the bot's scopes and commands).
 */
export function checkManifest(manifest: unknown, localization: unknown): string[] {
  const lines: string[] = [];
  const report = (
    name: string,
    validate: { errors?: { instancePath: string; message?: string; params?: unknown }[] | null },
  ) => {
    for (const error of validate.errors ?? [])
      lines.push(
        `${name}${error.instancePath || '/'}: ${error.message}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`,
      );
  };
  const version = String((manifest as { manifestVersion?: unknown } | null)?.manifestVersion ?? '');
  const microsoft = addFormats(
    new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false, logger: false }),
  );
  for (const [name, file, data] of [
    ['manifest.json', 'MicrosoftTeams', manifest],
    ['en-us.json', 'MicrosoftTeams.Localization', localization],
  ] as const) {
    const schema = microsoftSchema(version, file);
    if (!schema) {
      lines.push(
        `${name}/manifestVersion: Microsoft publishes no ${file}.schema.json for version "${version}"`,
      );
      continue;
    }
    const validate = microsoft.compile(schema);
    if (!validate(data)) report(`${name} (Microsoft v${version})`, validate);
  }
  const ours = new Ajv({ allErrors: true, strict: true });
  for (const [name, schema, data] of [
    ['manifest.json', 'manifest.schema.json', manifest],
    ['en-us.json', 'localization.schema.json', localization],
  ] as const) {
    const validate = ours.compile(JSON.parse(readManifestFile(`schema/${schema}`)));
    // What Microsoft's schema already said is not said twice: only what our draft adds is reported.
    if (!validate(data))
      report(name, {
        errors: (validate.errors ?? []).filter(
          (e) =>
            !lines.some(
              (line) =>
                line.startsWith(`${name} (Microsoft`) &&
                line.includes(`${e.instancePath || '/'}: ${e.message}`),
            ),
        ),
      });
  }
  return lines;
}

/** The zip to upload in Teams (Apps → Manage your apps → Upload an app). */
export function packageTeamsApp(settings: PackageSettings): Uint8Array {
  const manifest = buildManifest(settings);
  const localization = JSON.parse(readManifestFile('en-us.json')) as unknown;
  const problems = checkManifest(manifest, localization);
  if (problems.length > 0)
    throw new PackageError(`The manifest does not pass its schema:\n${problems.join('\n')}`);
  const bytes = (text: string) => new TextEncoder().encode(text);
  return zipSync({
    'manifest.json': bytes(JSON.stringify(manifest, null, 2)),
    'en-us.json': bytes(readManifestFile('en-us.json')),
    'color.png': readManifestBytes('color.png'),
    'outline.png': readManifestBytes('outline.png'),
  });
}
