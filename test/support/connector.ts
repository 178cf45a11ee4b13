// A local stand-in for the Bot Framework connector (the service behind an activity's serviceUrl):
// records every request the bot makes, answers like the connector does (activity ids, members), and
// can be told to fail the next requests with a status and headers (429 Retry-After, 403, 503).
import type { IncomingMessage } from 'node:http';
import { type JsonReply, jsonServer } from './json-server.ts';

export interface ConnectorRequest {
  method: string;
  path: string;
  conversation: string;
  authorization?: string;
  body: Record<string, unknown>;
  /** The Adaptive Card of a message, if it carries one. */
  card?: Record<string, unknown> & { version?: string };
}

export interface Member {
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
}

interface Failure {
  status: number;
  headers: Record<string, string>;
  code: string;
  /** Only requests to this conversation fail (default any). */
  conversation?: string;
}

export class ConnectorStandIn {
  readonly requests: ConnectorRequest[] = [];
  /** Members by user id, for GET /v3/conversations/{id}/members/{userId}. */
  readonly members = new Map<string, Member>();
  private failures: Failure[] = [];
  private server: Awaited<ReturnType<typeof jsonServer>> | undefined;
  private next = 0;
  url = '';

  async start(): Promise<this> {
    this.server = await jsonServer((req) => this.handle(req));
    this.url = `${this.server.origin}/`;
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  /** The next `times` requests (to `conversation`, if given) fail with this status. */
  failNext(
    times: number,
    status: number,
    options: { headers?: Record<string, string>; code?: string; conversation?: string } = {},
  ): void {
    for (let i = 0; i < times; i++)
      this.failures.push({
        status,
        headers: options.headers ?? {},
        code: options.code ?? 'Error',
        conversation: options.conversation,
      });
  }

  /** Messages and updates sent to one conversation. */
  sentTo(conversation: string): ConnectorRequest[] {
    return this.requests.filter((r) => r.conversation === conversation && r.method !== 'GET');
  }

  clear(): void {
    this.requests.length = 0;
  }

  private async handle(req: IncomingMessage): Promise<JsonReply> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const match = /^\/v3\/conversations\/([^/]+)(?:\/(activities|members)(?:\/([^/]+))?)?$/.exec(path);
    const conversation = match?.[1] ?? '';
    const failureIndex = this.failures.findIndex((f) => !f.conversation || f.conversation === conversation);
    if (failureIndex >= 0) {
      const [failure] = this.failures.splice(failureIndex, 1) as [Failure];
      this.requests.push({
        method: req.method ?? '',
        path,
        conversation,
        body: { failedWith: failure.status },
      });
      return {
        status: failure.status,
        headers: failure.headers,
        body: { error: { code: failure.code, message: `stand-in ${failure.status}` } },
      };
    }
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const attachments = (body.attachments as { content?: Record<string, unknown> }[] | undefined) ?? [];
    this.requests.push({
      method: req.method ?? '',
      path,
      conversation,
      authorization: req.headers.authorization,
      body,
      card: attachments[0]?.content,
    });
    if (!match) return { status: 404, body: { error: { code: 'NotFound', message: path } } };
    if (match[2] === 'members' && match[3]) {
      const member = this.members.get(match[3]);
      return member
        ? { status: 200, body: member }
        : { status: 404, body: { error: { code: 'MemberNotFound', message: match[3] } } };
    }
    if (req.method === 'POST' && match[2] === 'activities') {
      this.next += 1;
      return { status: 201, body: { id: `activity-${this.next}` } };
    }
    if (req.method === 'PUT' && match[2] === 'activities') return { status: 200, body: { id: match[3] } };
    return { status: 404, body: { error: { code: 'NotFound', message: path } } };
  }
}
