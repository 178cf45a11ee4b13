// Slack's HTTP side as a Bolt custom receiver on our express server: POST /slack/events read with a
// limit, its v0 signature checked (a timestamp more than 5 minutes off either way is refused), the
// body parsed (JSON, or a form with or without payload=…) and held to the shapes Slack sends, then
// handed to Bolt with an ack that answers within Slack's 3 s. Every failure is an answer: Bolt's own
// HTTPReceiver let a signed `null` body throw outside its handlers and stop the process.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AckFn, App, Receiver } from '@slack/bolt';
import type { NextFunction, Request, Response } from 'express';
import { type Clock, systemClock } from '../../clock.ts';
import { apology, errorReference } from '../../errors.ts';
import {
  bodyText,
  FORM_TYPE,
  mediaType,
  parseJsonObject,
  RequestError,
  readBody,
  requireType,
} from '../../http/body.ts';
import { langOf } from '../../http/server.ts';
import { envelopeIssues, type SlackBody } from './envelope.ts';

export interface SlackReceiverOptions {
  signingSecret: string;
  log: (line: string) => void;
  /** The clock the request timestamp is compared with: Slack's, that is the real one. */
  clock?: Clock;
  /** Bodies up to this size (Slack's own are far smaller; Bolt allows 4 MB). */
  limitBytes?: number;
  /** When an unacknowledged request is answered 503 (Slack gives up after 3 s). */
  ackDeadlineMs?: number;
}

const MAX_SKEW_SECONDS = 5 * 60;

const NOT_SIGNED = {
  nl: 'Dit verzoek is niet (geldig) door Slack ondertekend.',
  en: 'This request is not (validly) signed by Slack.',
};

export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;
  private readonly clock: Clock;
  private readonly limitBytes: number;
  private readonly ackDeadlineMs: number;

  constructor(private readonly options: SlackReceiverOptions) {
    this.clock = options.clock ?? systemClock;
    this.limitBytes = options.limitBytes ?? 1024 * 1024;
    this.ackDeadlineMs = options.ackDeadlineMs ?? 2_800;
  }

  init(app: App): void {
    this.app = app;
  }

  // The server is ours: Bolt's start and stop have nothing to open or close.
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  /** The express handler for POST /slack/events; refusals go to the server's error hook. */
  readonly handle = (req: Request, res: Response, next: NextFunction): void => {
    this.receive(req, res).catch(next);
  };

  private async receive(req: Request, res: Response): Promise<void> {
    const raw = await readBody(req, { limitBytes: this.limitBytes });
    const type = mediaType(req.headers['content-type']);
    // ssl_check requests are not signed: answer 200 and read nothing else from them.
    if (type?.type === FORM_TYPE && new URLSearchParams(raw.toString('latin1')).get('ssl_check') === '1') {
      res.status(200).end();
      return;
    }
    this.verify(req, raw);
    const body = this.parse(req, raw);
    if (body.type === 'url_verification') {
      if (typeof body.challenge !== 'string') throw shapeError(['challenge']);
      res.status(200).json({ challenge: body.challenge });
      return;
    }
    const issues = envelopeIssues(body);
    if (issues.length > 0) throw shapeError(issues);
    await this.dispatch(body, req, res);
  }

  /** v0=HMAC-SHA256(secret, "v0:{timestamp}:{raw body}"), over the exact bytes received. */
  private verify(req: Request, raw: Buffer): void {
    const timestamp = String(req.headers['x-slack-request-timestamp'] ?? '');
    const signature = String(req.headers['x-slack-signature'] ?? '');
    if (!/^\d{1,12}$/.test(timestamp)) throw unsigned('no or a malformed x-slack-request-timestamp');
    const skew = Number(timestamp) - Math.floor(this.clock.now() / 1000);
    if (Math.abs(skew) > MAX_SKEW_SECONDS)
      throw unsigned(`timestamp ${Math.abs(skew)} s in the ${skew > 0 ? 'future' : 'past'} (at most 300 s)`);
    const expected = Buffer.from(
      `v0=${createHmac('sha256', this.options.signingSecret).update(`v0:${timestamp}:`).update(raw).digest('hex')}`,
    );
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw unsigned('signature mismatch');
  }

  /** JSON (Events API), or a form: slash commands as fields, interactions as payload=JSON. */
  private parse(req: Request, raw: Buffer): SlackBody {
    const type = requireType(req, ['json', 'form']);
    const text = bodyText(raw, type);
    if (type.type !== FORM_TYPE) return parseJsonObject(text);
    const form = new URLSearchParams(text);
    const payload = form.get('payload');
    return payload !== null ? parseJsonObject(payload) : Object.fromEntries(form);
  }

  /** Hands the body to Bolt; whatever happens, the request is answered once. */
  private async dispatch(body: SlackBody, req: Request, res: Response): Promise<void> {
    const { log } = this.options;
    let answered = false;
    const answer = (send: () => void): boolean => {
      if (answered || res.headersSent) return false;
      answered = true;
      clearTimeout(deadline);
      send();
      return true;
    };
    // Slack shows the person an error after 3 s: a slow listener gets 503 before that, not silence.
    const deadline = setTimeout(() => {
      if (answer(() => res.status(503).end()))
        log(`[slack] ${describe(body)} not acknowledged within ${this.ackDeadlineMs} ms: answered 503`);
    }, this.ackDeadlineMs);
    const ack: AckFn<unknown> = async (response) => {
      const sent = answer(() => {
        if (response === undefined || response === '') res.status(200).end();
        else if (typeof response === 'string') res.status(200).type('text').send(response);
        else res.status(200).json(response);
      });
      if (!sent) log(`[slack] ${describe(body)} acknowledged after its answer was sent`);
    };
    try {
      if (!this.app) throw new Error('the Slack receiver was not initialised by its App');
      await this.app.processEvent({
        body,
        ack,
        retryNum: retryHeader(req, 'x-slack-retry-num'),
        retryReason: req.headers['x-slack-retry-reason']?.toString(),
      });
    } catch (error) {
      const reference = errorReference();
      log(`[slack ${reference}] ${describe(body)}: ${(error as Error)?.stack ?? String(error)}`);
      answer(() => res.status(500).json({ error: apology(langOf(req), reference) }));
      return;
    }
    // Bolt has run every listener: nothing acknowledged it, so nothing of ours handles this request.
    answer(() => res.status(404).end());
  }
}

function unsigned(reason: string): RequestError {
  return new RequestError(401, NOT_SIGNED, { logLine: `Slack request refused: ${reason}` });
}

function shapeError(fields: string[]): RequestError {
  const list = fields.join(', ');
  return new RequestError(400, {
    nl: `Dit is geen Slack-verzoek dat deze app kent (velden: ${list}).`,
    en: `This is not a Slack request this app knows (fields: ${list}).`,
  });
}

function describe(body: SlackBody): string {
  const kind = body.command ?? body.type ?? 'request';
  return String(kind).slice(0, 64);
}

function retryHeader(req: Request, name: string): number | undefined {
  const value = Number.parseInt(String(req.headers[name] ?? ''), 10);
  return Number.isNaN(value) ? undefined : value;
}
