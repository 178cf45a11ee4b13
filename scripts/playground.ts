// npm run playground: the bot (no app id: the playground sends no token) and Microsoft's Agents
// Playground (channel msteams) against it, to try the Teams experience without a tenant.
// Open http://localhost:56150 in a browser; Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../src/config.ts';
import { StartupError } from '../src/errors.ts';
import { startBot } from '../src/main.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const PLAYGROUND_PORT = process.env.PLAYGROUND_PORT ?? '56150';

async function main(): Promise<void> {
  // Without the local channel, a questionnaire waits for the person to install the app in the
  // playground, instead of going to the local page.
  const config = loadConfig({ LOCAL_CHANNEL: 'off', ...process.env });
  if (config.teams.appId) {
    console.error('The Agents Playground sends activities without a token: unset MICROSOFT_APP_ID for it.');
    process.exit(2);
  }
  if (config.production) {
    console.error(
      'The Agents Playground needs anonymous activities, which production refuses: unset NODE_ENV.',
    );
    process.exit(2);
  }
  const bot = await startBot({ config });
  const endpoint = new URL('api/messages', bot.url.replace('localhost', '127.0.0.1')).toString();
  const playground = spawn(
    `${root}node_modules/.bin/agentsplayground`,
    ['-e', endpoint, '-c', 'msteams', '-p', PLAYGROUND_PORT, '--disable-telemetry'],
    {
      cwd: `${root}playground`, // its .m365agentsplayground.yml: the demo contract's people
      stdio: 'inherit',
      env: { ...process.env, PATH: `${root}scripts/no-browser:${process.env.PATH ?? ''}` },
    },
  );
  console.log(`Agents Playground: http://localhost:${PLAYGROUND_PORT} (you are Rik Hendriks; Ctrl+C stops)`);
  const stop = async () => {
    playground.kill('SIGTERM');
    await bot.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  playground.once('exit', async (code) => {
    if (code !== null && code !== 0) console.error(`The Agents Playground stopped (exit ${code}).`);
    await bot.close();
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
