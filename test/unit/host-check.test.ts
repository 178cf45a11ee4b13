// The Host check leaves signed paths (Slack's v0 signature, Teams with an app id) to their
// signatures, so that a proxy that rewrites the Host cannot cut off Teams and Slack; everything else
// still needs a loopback name or BOT_HOST.
import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { hostCheck } from '../../src/http/host-check.ts';

function run(path: string, host: string, signedPaths?: string[]): number {
  let status = 0;
  const req = { path, method: 'POST', headers: { host }, query: {}, body: {} } as unknown as Request;
  const res = {
    status(code: number) {
      status = code;
      return this;
    },
    json() {
      return this;
    },
  } as unknown as Response;
  const next: NextFunction = () => {
    status = 200;
  };
  hostCheck({ botHost: 'bot.example.nl', signedPaths, log: () => {} })(req, res, next);
  return status;
}

describe('the Host check', () => {
  it('passes signed paths whatever their Host, and nothing else', () => {
    expect(run('/slack/events', 'internal-name:8080', ['/slack/events', '/api/messages'])).toBe(200);
    expect(run('/api/messages', 'internal-name:8080', ['/slack/events', '/api/messages'])).toBe(200);
    expect(run('/api/messages', 'internal-name:8080', ['/slack/events'])).toBe(421);
    expect(run('/local/api/people', 'internal-name:8080', ['/slack/events', '/api/messages'])).toBe(421);
    expect(run('/local/api/people', 'bot.example.nl', [])).toBe(200);
  });
});
