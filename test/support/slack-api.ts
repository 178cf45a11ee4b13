// A local stand-in for Slack's Web API (and response_url): records every call the bot makes, answers
// as Slack does for the methods the bot uses (files.uploadV2's three steps too, keeping the bytes),
// and can answer 429 with Retry-After for a method.
import type { IncomingMessage } from 'node:http';
import { type JsonReply, jsonServer } from './json-server.ts';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
}

export class SlackApiStandIn {
  readonly calls: SlackCall[] = [];
  /** The bytes sent to each upload URL (files.uploadV2's second step), by file id. */
  readonly uploads = new Map<string, Buffer>();
  private files = 0;
  /** Slack users by e-mail address (users.lookupByEmail, users.info). */
  readonly users = new Map<string, string>();
  /** Slack users' locales by user id (users.info with include_locale=true). */
  readonly locales = new Map<string, string>();
  private failures: { method: string; retryAfter: number }[] = [];
  private server: Awaited<ReturnType<typeof jsonServer>> | undefined;
  private ts = 0;
  url = '';

  async start(): Promise<this> {
    this.server = await jsonServer((req) => this.handle(req));
    this.url = `${this.server.origin}/api/`;
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  /** The next call of `method` answers 429 with this Retry-After (seconds). */
  rateLimitNext(method: string, retryAfter: number): void {
    this.failures.push({ method, retryAfter });
  }

  of(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responseUrl(id: string): string {
    return this.url.replace(/api\/$/, `response/${id}`);
  }

  private async handle(req: IncomingMessage): Promise<JsonReply> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const text = raw.toString('utf8');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // files.uploadV2's second step: the file's bytes, to the URL files.getUploadURLExternal gave.
    const upload = /^\/upload\/(F\d+)$/.exec(path);
    if (upload?.[1]) {
      this.uploads.set(upload[1], raw);
      this.calls.push({ method: 'upload', args: { file: upload[1], bytes: raw.length } });
      return { status: 200, body: `OK - ${raw.length}` };
    }
    const method = path.replace(/^\/api\//, '');
    let args: Record<string, unknown> = {};
    if ((req.headers['content-type'] ?? '').includes('application/json')) args = text ? JSON.parse(text) : {};
    else
      for (const [k, v] of new URLSearchParams(text)) {
        args[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
      }
    const failure = this.failures.findIndex((f) => f.method === method);
    if (failure >= 0) {
      const f = this.failures.splice(failure, 1)[0] as { retryAfter: number };
      this.calls.push({ method, args: { ...args, rateLimited: true } });
      return {
        status: 429,
        headers: { 'retry-after': String(f.retryAfter) },
        body: { ok: false, error: 'ratelimited' },
      };
    }
    this.calls.push({ method, args });
    const ok = (body: Record<string, unknown>) => ({ status: 200, body: { ok: true, ...body } });
    switch (method) {
      case 'auth.test':
        return ok({ user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' });
      case 'users.lookupByEmail': {
        const id = this.users.get(String(args.email).toLowerCase());
        return id ? ok({ user: { id } }) : { status: 200, body: { ok: false, error: 'users_not_found' } };
      }
      case 'users.info': {
        const email = [...this.users.entries()].find(([, id]) => id === args.user)?.[0];
        const locale =
          String(args.include_locale) === 'true' ? this.locales.get(String(args.user)) : undefined;
        return ok({
          user: { id: args.user, profile: email ? { email } : {}, ...(locale ? { locale } : {}) },
        });
      }
      case 'conversations.open':
        return ok({ channel: { id: `D${String(args.users)}` } });
      case 'chat.postMessage':
        this.ts += 1;
        return ok({ channel: args.channel, ts: `1700000000.${String(this.ts).padStart(6, '0')}` });
      case 'chat.update':
        return ok({ channel: args.channel, ts: args.ts });
      case 'files.getUploadURLExternal': {
        this.files += 1;
        const file = `F${this.files}`;
        return ok({ upload_url: `${this.url.replace(/api\/$/, '')}upload/${file}`, file_id: file });
      }
      case 'files.completeUploadExternal': {
        const files = (typeof args.files === 'string' ? JSON.parse(args.files) : args.files) as {
          id: string;
        }[];
        return ok({ files: files.map((f) => ({ id: f.id })) });
      }
      case 'views.open':
        return ok({ view: { id: 'V1' } });
      default:
        if (method.startsWith('/response/') || path.startsWith('/response/')) return ok({});
        return { status: 200, body: { ok: false, error: 'unknown_method' } };
    }
  }
}
