// The Slack app manifest (manifests/slack/manifest.yaml) with the one host setting filled in.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const FILE = fileURLToPath(new URL('../../../manifests/slack/manifest.yaml', import.meta.url));
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export class SlackManifestError extends Error {}

/** The manifest as YAML text, for "Create New App → From a manifest"; `socketMode` for workspaces without a public endpoint. */
export function slackManifest(host: string, options: { socketMode?: boolean } = {}): string {
  if (!HOST.test(host))
    throw new SlackManifestError('BOT_HOST: expected a host name such as prestatiemonitor.example.nl');
  let text = readFileSync(FILE, 'utf8').replaceAll('{{BOT_HOST}}', host.toLowerCase());
  if (options.socketMode) text = text.replace('socket_mode_enabled: false', 'socket_mode_enabled: true');
  return text;
}

export function parseSlackManifest(text: string): Record<string, unknown> {
  return parse(text) as Record<string, unknown>;
}
