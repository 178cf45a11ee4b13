// The Host allow-list against DNS rebinding, over real HTTP against the real bot: a request that
// names another server (what a rebinding page's requests say) is refused on every route but the
// health probe; loopback names with any port and BOT_HOST get in. And the local page's headers.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { ConversationStore } from '../../src/store/conversations.ts';

const KEY = 'planning-key-0123456789';
const BOT_HOST = 'prestatiemonitor.example.nl';
const clock = new ManualClock(Date.parse('2026-03-10T12:00:00+01:00'));
const logged: string[] = [];
let bot: Bot;
let port: number;

beforeAll(async () => {
  bot = await startBot({
    config: loadConfig({ PORT: '0', HOST: '127.0.0.1', API_KEY: KEY, BOT_HOST }),
    clock,
    inMemory: true,
    startWorker: false,
    log: (line) => logged.push(line),
  });
  port = Number(new URL(bot.url).port);
});
afterAll(async () => {
  await bot?.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with the Host header we choose (fetch does not let a caller set it). */
function send(
  path: string,
  host: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: init.method ?? (body === undefined ? 'GET' : 'POST'),
        headers: {
          host,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const FOREIGN = [
  'evil.example',
  'evil.example:3978',
  'localhost.evil.example',
  '127.0.0.1.nip.io',
  'prestatiemonitor.example.nl.evil.example',
  'evil-prestatiemonitor.example.nl',
  '10.0.0.7',
  'localhost:3978@evil.example',
];

describe('the Host allow-list', () => {
  it('refuses a foreign Host on the page, its files and the local API, with a short text and one log line', async () => {
    for (const host of FOREIGN) {
      for (const path of [
        '/',
        '/?person=fenna',
        '/local/page.js',
        '/local/adaptivecards.min.js',
        '/local/api/people',
        '/local/api/conversation?person=fenna',
        '/local/api/alerts',
      ]) {
        const answer = await send(path, host);
        expect({ host, path, status: answer.status }).toEqual({ host, path, status: 421 });
        expect(JSON.parse(answer.body)).toEqual({
          error:
            'Onbekende hostnaam: deze server antwoordt alleen op localhost of op zijn eigen naam (BOT_HOST).',
        });
      }
    }
    const refusals = logged.filter((line) => line.startsWith('[host] refused'));
    expect(refusals).toContain(
      '[host] refused GET /local/api/people: Host "evil.example" is not a loopback name or BOT_HOST',
    );
    expect(refusals.every((line) => !line.includes('\n') && !line.includes('    at '))).toBe(true);
  });

  it('changes nothing for a refused write: a command sent under a foreign Host is not in the conversation', async () => {
    const conversations = new ConversationStore(bot.store.tables, 'lef-2026');
    const before = await conversations.list('fenna');
    const answer = await send('/local/api/command', 'evil.example', {
      body: { person: 'fenna', text: 'help' },
      headers: { 'accept-language': 'en' },
    });
    expect(answer.status).toBe(421);
    expect(JSON.parse(answer.body).error).toBe(
      'Unknown host name: this server answers only on localhost or on its own name (BOT_HOST).',
    );
    expect(await conversations.list('fenna')).toEqual(before);
    // The same request under a loopback name is taken: the refusal above was the Host's doing.
    expect(
      (await send('/local/api/command', 'localhost', { body: { person: 'fenna', text: 'help' } })).status,
    ).toBe(200);
    expect((await conversations.list('fenna')).length).toBeGreaterThan(before.length);
  });

  it('refuses it on the API and the platform endpoints too, but answers the health probe', async () => {
    const session = {
      id: 'rebound-1',
      supplier: 'pco',
      start: '2026-03-12T09:00:00+01:00',
      end: '2026-03-12T12:00:00+01:00',
      facilitators: ['pieter'],
      relationshipManager: 'eva',
      internalClient: 'yara',
    };
    expect(
      (
        await send('/api/sessions?contract=lef-2026', 'evil.example', {
          body: session,
          headers: { authorization: `Bearer ${KEY}` },
        })
      ).status,
    ).toBe(421);
    expect((await bot.store.records.exportRecords('lef-2026')).sessions.map((s) => s.id)).not.toContain(
      'rebound-1',
    );
    expect((await send('/api/messages', 'evil.example', { body: { type: 'message' } })).status).toBe(421);
    // Probes call by IP address or an internal name.
    const health = await send('/healthz', '10.0.0.7:3978');
    expect(health.status).toBe(200);
  });

  it('refuses a request without a Host header', async () => {
    // HTTP/1.1 requires the header (Node answers 400 itself); HTTP/1.0 does not, so the check must.
    const answer = await new Promise<string>((resolve, reject) => {
      // Not half-closed: the server answers an HTTP/1.0 request and then closes the connection itself.
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /local/api/people HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => {
        text += chunk;
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer.split('\r\n')[0]).toMatch(/^HTTP\/1\.[01] 421 /);
  });

  it('accepts the loopback names with any port and BOT_HOST in any case, but not names made to look like them', async () => {
    const pairs: [accepted: string, lookalike: string][] = [
      ['localhost', 'localhost.evil.example'],
      [`localhost:${port}`, `evil.example:${port}`],
      ['localhost.', 'localhost..'],
      [`127.0.0.1:${port}`, `127.0.0.1.evil.example:${port}`],
      ['127.0.0.2', '127.0.0.1x'],
      [`[::1]:${port}`, `[::2]:${port}`],
      ['prestatiemonitor.localhost:8080', 'prestatiemonitor.localhost.evil.example:8080'],
      [BOT_HOST, `${BOT_HOST}.evil.example`],
      ['PrestatieMonitor.Example.NL:443', 'PrestatieMonitor.Example.NL.:443:443'],
    ];
    for (const [accepted, lookalike] of pairs) {
      const answer = await send('/local/api/people', accepted);
      expect({ host: accepted, status: answer.status }).toEqual({ host: accepted, status: 200 });
      expect(JSON.parse(answer.body)).toMatchObject({ contract: 'lef-2026' });
      expect({ host: lookalike, status: (await send('/local/api/people', lookalike)).status }).toEqual({
        host: lookalike,
        status: 421,
      });
    }
    expect((await send('/', BOT_HOST)).status).toBe(200);
  });
});

describe('BOT_HOST', () => {
  it('is a host name: a URL in its place stops the start with a hint, as for the manifests', () => {
    expect(() => loadConfig({ BOT_HOST: 'https://prestatiemonitor.example.nl/' })).toThrow(
      /BOT_HOST: expected a host name such as prestatiemonitor\.example\.nl/,
    );
    expect(loadConfig({ BOT_HOST: 'Prestatiemonitor.Example.NL' }).botHost).toBe(BOT_HOST);
  });
});

describe('the local page', () => {
  it('is sent with a Content-Security-Policy that runs no inline script, nosniff, and no framing', async () => {
    for (const path of ['/', '/local/page.js', '/local/api/people']) {
      const { status, headers } = await send(path, 'localhost');
      expect(status).toBe(200);
      const policy = String(headers['content-security-policy']);
      expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("require-trusted-types-for 'script'");
      expect(headers['x-content-type-options']).toBe('nosniff');
    }
    // Nothing inline is left for the policy to refuse: the page loads its script and style as files.
    const page = (await send('/', 'localhost')).body;
    expect(page).not.toMatch(/<script>|<style>|\son[a-z]+=/i);
    expect(page).toContain('<script src="/local/page.js"></script>');
  });
});
