// npm run manifest:slack: prints manifests/slack/manifest.yaml with BOT_HOST filled in (SLACK_APP_TOKEN
// set: Socket Mode on), for "Create New App → From a manifest" at api.slack.com/apps.
import { SlackManifestError, slackManifest } from '../src/channels/slack/manifest.ts';

try {
  process.stdout.write(
    slackManifest(process.env.BOT_HOST ?? '', { socketMode: Boolean(process.env.SLACK_APP_TOKEN) }),
  );
} catch (error) {
  if (!(error instanceof SlackManifestError)) throw error;
  console.error(`Cannot write the Slack manifest: ${error.message}`);
  process.exit(2);
}
