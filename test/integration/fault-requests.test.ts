// No request can stop the server (issue 10, findings 1, 11, 15): malformed bodies of every kind on
// every endpoint get a 4xx before any handler, with one log line and no stack trace; signed Slack
// bodies Bolt cannot take are refused instead of stopping the process; Slack timestamps more than
// five minutes off either way are refused; and what nobody handled is logged while the bot serves on.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { App, LogLevel } from '@slack/bolt';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackHttpReceiver } from '../../src/channels/slack/receiver.ts';
import { loadConfig } from '../../src/config.ts';
import { listen } from '../../src/http/server.ts';
import { startBot } from '../../src/main.ts';
import {
  API_KEY,
  type FaultBot,
  faultBot,
  SLACK_SECRET,
  STACK,
  send,
  slackSignature,
} from '../support/raw-requests.ts';

const JSON_ENDPOINTS = ['/api/sessions', '/api/messages', '/local/api/action', '/local/api/command'];
const json = 'application/json';
const deep = `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;

interface Case {
  name: string;
  status: number;
  body: string | Uint8Array;
  type?: string;
  headers?: Record<string, string>;
  /** Words of the Dutch answer (the English one is checked for every case by Accept-Language). */
  says: string;
}

const malformed: Case[] = [
  { name: 'null', status: 400, body: 'null', says: 'JSON-object' },
  { name: 'an array', status: 400, body: '[]', says: 'JSON-object' },
  { name: 'a string', status: 400, body: '"tekst"', says: 'JSON-object' },
  { name: 'a number', status: 400, body: '42', says: 'JSON-object' },
  { name: 'broken JSON', status: 400, body: '{"id": ', says: 'geen geldige JSON' },
  { name: 'no body', status: 400, body: '', says: 'ontbreekt' },
  { name: 'charset=latin1', status: 415, body: '{}', type: `${json}; charset=latin1`, says: 'latin1' },
  { name: 'an unknown charset', status: 415, body: '{}', type: `${json}; charset=x-nope`, says: 'x-nope' },
  {
    name: 'bytes that are not UTF-8',
    status: 400,
    body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]),
    says: 'UTF-8',
  },
  {
    name: 'gzip that is not gzip',
    status: 400,
    body: '{}',
    headers: { 'content-encoding': 'gzip' },
    says: 'gzip',
  },
  { name: 'br that is not br', status: 400, body: '{}', headers: { 'content-encoding': 'br' }, says: 'br' },
  {
    name: 'an unknown encoding',
    status: 415,
    body: '{}',
    headers: { 'content-encoding': 'x-foo' },
    says: 'x-foo',
  },
  {
    name: 'a gzip bomb',
    status: 413,
    body: gzipSync(Buffer.from(`{"a":"${'0'.repeat(20 * 1024 * 1024)}"}`)),
    headers: { 'content-encoding': 'gzip' },
    says: 'te groot',
  },
  { name: 'an oversize body', status: 413, body: `{"a":"${'x'.repeat(300 * 1024)}"}`, says: 'te groot' },
  { name: '10,000 nested arrays', status: 400, body: deep, says: 'te diep genest' },
  { name: 'text/plain', status: 415, body: '{}', type: 'text/plain', says: 'application/json' },
  {
    name: 'a form',
    status: 415,
    body: 'a=1',
    type: 'application/x-www-form-urlencoded',
    says: 'application/json',
  },
];

let fault: FaultBot;

beforeAll(async () => {
  fault = await faultBot(Date.parse('2026-11-16T15:00:00+01:00'));
});
afterAll(async () => {
  await fault?.stop();
});

/** Sends, and expects the case's status and exactly one new log line for it, without a stack trace. */
async function refused(path: string, c: Case, extra: Record<string, string> = {}) {
  const before = fault.log.length;
  const answer = await send(fault.bot, path, {
    headers: { 'content-type': c.type ?? json, ...c.headers, ...extra },
    body: c.body,
  });
  expect({ case: c.name, status: answer.status }).toEqual({ case: c.name, status: c.status });
  const lines = fault.log.slice(before);
  expect(lines, `${path} ${c.name}`).toHaveLength(1);
  expect(lines[0]).not.toMatch(STACK);
  return answer;
}

async function healthy() {
  expect((await send(fault.bot, '/healthz', { method: 'GET' })).status).toBe(200);
}

describe('malformed bodies on every endpoint', () => {
  for (const path of JSON_ENDPOINTS)
    it(`${path}: a 4xx with a message in the caller's language, one log line, and the server still answers`, async () => {
      const auth: Record<string, string> =
        path === '/api/sessions' ? { authorization: `Bearer ${API_KEY}` } : {};
      for (const c of malformed) {
        const nl = await refused(path, c, auth);
        expect(JSON.parse(nl.text).errors[0], c.name).toContain(c.says);
        const en = await refused(path, c, { ...auth, 'accept-language': 'en-GB,en;q=0.8' });
        expect(JSON.parse(en.text).errors[0], c.name).toMatch(/^The body|^Charset|^Content-Encoding|^Send/);
      }
      await healthy();
    });
});

describe('well-formed bodies still pass', () => {
  it('takes a valid body plain, gzip, deflate or br encoded, and with charset=utf-8', async () => {
    const body = Buffer.from(JSON.stringify({ person: 'carla', text: 'help' }));
    const encoded: [Record<string, string>, Uint8Array][] = [
      [{}, body],
      [{ 'content-type': `${json}; charset="UTF-8"` }, body],
      [{ 'content-encoding': 'gzip' }, gzipSync(body)],
      [{ 'content-encoding': 'deflate' }, deflateSync(body)],
      [{ 'content-encoding': 'br' }, brotliCompressSync(body)],
    ];
    for (const [headers, bytes] of encoded) {
      const answer = await send(fault.bot, '/local/api/command', {
        headers: { 'content-type': json, ...headers },
        body: bytes,
      });
      expect({ headers, status: answer.status }).toEqual({ headers, status: 200 });
    }
  });
});

describe('/slack/events', () => {
  const form = 'application/x-www-form-urlencoded';
  async function slack(
    body: string | Uint8Array,
    options: { type?: string; skewSeconds?: number; headers?: Record<string, string> } = {},
  ) {
    return send(fault.bot, '/slack/events', {
      headers: { 'content-type': options.type ?? json, ...slackSignature(body, options), ...options.headers },
      body,
    });
  }

  it('refuses a signed null body and payload=null with 400, and keeps serving', async () => {
    const before = fault.log.length;
    expect((await slack('null')).status).toBe(400);
    expect((await slack('payload=null', { type: form })).status).toBe(400);
    expect((await slack(`payload=${encodeURIComponent('[1]')}`, { type: form })).status).toBe(400);
    expect((await slack('payload=%7B', { type: form })).status).toBe(400);
    expect(fault.log.slice(before)).toHaveLength(4);
    expect(fault.log.slice(before).filter((line) => STACK.test(line))).toEqual([]);
    await healthy();
  });

  it('refuses signed bodies that Bolt or our listeners would choke on, with 400', async () => {
    const bodies = [
      '[]',
      '{}',
      '{"event":null}',
      '{"event":5}',
      '{"type":"event_callback","event":{"type":"message","channel_type":"im","user":"U1","text":7}}',
      '{"type":"event_callback","event":{"type":"message"},"authorizations":[null]}',
      '{"type":"block_actions","actions":[{"action_id":"evaluation_open"}]}',
      '{"type":"block_actions","user":{"id":"U1"},"actions":7}',
      '{"type":"view_submission","user":{"id":"U1"},"view":null}',
      '{"type":"shortcut","user":null}',
      `{"type":"event_callback","event_id":"${'E'.repeat(5_000)}","event":{"type":"app_mention"}}`,
    ];
    for (const body of bodies)
      expect({ body, status: (await slack(body)).status }).toEqual({ body, status: 400 });
    const command = new URLSearchParams({ command: '/scorecard', channel_id: 'C1', text: '' }).toString();
    expect((await slack(command, { type: form })).status).toBe(400); // no user_id
    expect(fault.log.filter((line) => STACK.test(line))).toEqual([]);
    await healthy();
  });

  it('refuses signed bodies with a wrong charset, encoding, media type, size or depth', async () => {
    expect((await slack('{}', { type: `${json}; charset=latin1` })).status).toBe(415);
    expect((await slack('{}', { headers: { 'content-encoding': 'gzip' } })).status).toBe(415);
    expect((await slack('{}', { headers: { 'content-encoding': 'x-foo' } })).status).toBe(415);
    expect((await slack('{}', { type: 'text/plain' })).status).toBe(415);
    expect((await slack(`{"a":"${'x'.repeat(1100 * 1024)}"}`)).status).toBe(413);
    expect((await slack(deep)).status).toBe(400);
    expect((await slack(`payload=${encodeURIComponent(deep)}`, { type: form })).status).toBe(400);
    expect(fault.log.filter((line) => STACK.test(line))).toEqual([]);
    await healthy();
  });

  it('refuses timestamps more than five minutes in the past or the future with 401', async () => {
    const challenge = JSON.stringify({ type: 'url_verification', challenge: 'c-42', token: 't' });
    for (const skewSeconds of [-400, -301, 301, 360, 600])
      expect({ skewSeconds, status: (await slack(challenge, { skewSeconds })).status }).toEqual({
        skewSeconds,
        status: 401,
      });
    const inWindow = await slack(challenge, { skewSeconds: 60 });
    expect(inWindow).toEqual({ status: 200, text: '{"challenge":"c-42"}' });
    const badSignature = await send(fault.bot, '/slack/events', {
      headers: { 'content-type': json, ...slackSignature(challenge, { secret: 'not-the-secret' }) },
      body: challenge,
    });
    expect(badSignature.status).toBe(401);
    expect(fault.log.at(-1)).toMatch(/signature mismatch/);
    expect(fault.log.filter((line) => STACK.test(line))).toEqual([]);
  });

  it("answers Slack's unsigned ssl_check with 200 and processes nothing else in it", async () => {
    const calls = fault.slack.calls.length;
    const check = await send(fault.bot, '/slack/events', {
      headers: { 'content-type': form },
      body: `ssl_check=1&token=x&payload=${encodeURIComponent('{"type":"block_actions"}')}`,
    });
    expect(check).toEqual({ status: 200, text: '' });
    expect(fault.slack.calls.length).toBe(calls);
    expect(
      (await send(fault.bot, '/slack/events', { headers: { 'content-type': json }, body: 'null' })).status,
    ).toBe(401);
  });
});

describe('the Slack receiver, under a bare Bolt app', () => {
  it('answers 503 before Slack gives up on a slow listener, 404 when nothing handles it, 500 when a listener throws', async () => {
    const lines: string[] = [];
    const receiver = new SlackHttpReceiver({
      signingSecret: SLACK_SECRET,
      log: (line) => lines.push(line),
      ackDeadlineMs: 50,
    });
    const quiet = {
      debug() {},
      info() {},
      warn() {},
      error() {},
      setLevel() {},
      getLevel: () => LogLevel.ERROR,
      setName() {},
    };
    const bolt = new App({
      receiver,
      logger: quiet,
      authorize: async () => ({ botToken: 'xoxb-bare', botId: 'BBOT', botUserId: 'UBOT' }),
    });
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let late: Promise<void> | undefined;
    bolt.command('/slow', async ({ ack }) => {
      await gate; // held until the test has its answer: no time has to pass
      late = ack();
      await late;
    });
    bolt.command('/throws', async () => {
      throw new Error('a listener bug');
    });
    const server = express();
    server.post('/slack/events', receiver.handle);
    const http = await listen(server, 0, '127.0.0.1');
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/slack/events`;
    const command = async (name: string) => {
      const body = new URLSearchParams({
        command: name,
        text: '',
        user_id: 'U1',
        channel_id: 'C1',
      }).toString();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(body) },
        body,
      });
      return { status: response.status, text: await response.text() };
    };
    try {
      expect((await command('/slow')).status).toBe(503);
      release();
      await expect.poll(() => late !== undefined, { timeout: 10_000 }).toBe(true);
      await late; // a late ack changes nothing and throws nothing
      expect(lines.some((line) => /acknowledged after its answer was sent/.test(line))).toBe(true);
      expect((await command('/nobody-handles-this')).status).toBe(404);
      const thrown = await command('/throws');
      expect(thrown.status).toBe(500);
      expect(thrown.text).toMatch(/referentie [0-9a-f]{8}/);
      expect(lines.some((line) => /^\[slack [0-9a-f]{8}\] \/throws: Error: a listener bug/.test(line))).toBe(
        true,
      );
    } finally {
      await new Promise((resolve) => http.close(resolve));
    }
  });
});

describe('the process guard', () => {
  it('logs an unhandled rejection and an uncaught exception with a reference, and the process lives on', () => {
    const guard = fileURLToPath(new URL('../../src/http/process-guard.ts', import.meta.url));
    const script = join(mkdtempSync(join(tmpdir(), 'guard-')), 'guarded.mts');
    writeFileSync(
      script,
      [
        `import { installProcessGuard } from ${JSON.stringify(guard)};`,
        'const release = installProcessGuard((line) => console.log(line));',
        "Promise.reject(new Error('nobody handles this'));",
        "setTimeout(() => { throw new Error('thrown in a timer'); }, 0);",
        "setTimeout(() => { console.log('still running'); release(); }, 0);",
      ].join('\n'),
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.stdout).toMatch(
      /^\[[0-9a-f]{8}\] unhandled rejection \(the bot keeps running\): Error: nobody handles this/m,
    );
    expect(child.stdout).toMatch(
      /^\[[0-9a-f]{8}\] uncaught exception \(the bot keeps running\): Error: thrown in a timer/m,
    );
    expect(child.stdout).toMatch(/still running/);
    expect(child.status).toBe(0);
  });

  it('is installed once per process by the bots, and removed when the last one closes', async () => {
    const guarded = process.listenerCount('unhandledRejection');
    const guardedExceptions = process.listenerCount('uncaughtException');
    const second = await startBot({
      config: loadConfig({ PORT: '0', LOCAL_CHANNEL: 'off' }),
      inMemory: true,
      startWorker: false,
      log: () => {},
    });
    expect(process.listenerCount('unhandledRejection')).toBe(guarded);
    await second.close();
    expect(process.listenerCount('unhandledRejection')).toBe(guarded);
    const last = fault;
    fault = undefined as unknown as FaultBot; // afterAll has nothing left to stop
    await last.stop();
    expect(process.listenerCount('unhandledRejection')).toBe(guarded - 1);
    expect(process.listenerCount('uncaughtException')).toBe(guardedExceptions - 1);
  });
});
