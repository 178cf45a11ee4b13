// npm run package:teams: builds dist/prestatiemonitor-teams.zip from MICROSOFT_APP_ID, BOT_HOST
// (and optionally TEAMS_APP_ID), for uploading in Teams or the Teams admin center.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PackageError, packageTeamsApp } from '../src/channels/teams/manifest.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const version = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;
try {
  const zip = packageTeamsApp({
    botAppId: process.env.MICROSOFT_APP_ID ?? '',
    teamsAppId: process.env.TEAMS_APP_ID || undefined,
    host: process.env.BOT_HOST ?? '',
    version,
  });
  mkdirSync(`${root}dist`, { recursive: true });
  const out = `${root}dist/prestatiemonitor-teams.zip`;
  writeFileSync(out, zip);
  console.log(`Teams app package written: ${out} (${zip.length} bytes)`);
} catch (error) {
  if (!(error instanceof PackageError)) throw error;
  console.error(`Cannot build the Teams package:\n${error.message}`);
  process.exit(2);
}
