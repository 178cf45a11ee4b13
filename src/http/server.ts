// The one HTTP server: /healthz, POST /api/sessions, and the local web channel (later /api/messages
// for Teams and /slack/events for Slack). One error hook: a person gets a message in their
// language, never a stack trace.
import { timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { apology, errorReference, UserError } from '../errors.ts';
import type { ContractDesk } from '../flows/contracts.ts';
import { openReportLink, renderReport } from '../flows/report.ts';
import { issueLines, registerSession } from '../flows/sessions.ts';
import { isLang, type Lang } from '../i18n.ts';
import { ChartStore } from '../store/charts.ts';
import { StoreError } from '../store/errors.ts';
import type { TableStore } from '../store/tables.ts';
import { t } from '../texts/index.ts';
import { jsonBodies, RequestError } from './body.ts';
import { hostCheck } from './host-check.ts';

export interface ServerOptions {
  /** The contracts served: /api/sessions takes `?contract=` (none: the first), a report link names its own. */
  desk: ContractDesk;
  tables: TableStore;
  apiKey?: string;
  /** BOT_HOST: answered besides the loopback names (see host-check.ts). */
  botHost?: string;
  /** Paths authenticated by a signature on every request, left out of the Host check. */
  signedPaths?: readonly string[];
  /** Routes of channels (the local web channel, Teams, Slack), mounted on the same server. */
  mounts?: ((app: express.Express) => void)[];
  log?: (line: string) => void;
}

export function langOf(req: Request): Lang {
  const asked = String(req.query.lang ?? req.body?.lang ?? '');
  if (isLang(asked)) return asked;
  return /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'nl';
}

export function createApp(options: ServerOptions): express.Express {
  const log = options.log ?? ((line: string) => console.error(line));
  const app = express();
  app.disable('x-powered-by');
  app.use(hostCheck({ botHost: options.botHost, signedPaths: options.signedPaths, log }));
  // Every body is refused here, before any handler, unless it is a JSON object (see body.ts).
  // Slack's receiver reads its body itself: it checks the signature over the exact bytes.
  app.use(jsonBodies({ limitBytes: 200 * 1024, skip: (req) => req.path.startsWith('/slack/') }));

  app.get('/healthz', async (_req, res) => {
    const ok = await options.tables.ping();
    // Degraded: the embedded Azurite is being restarted (store/supervisor.ts).
    const down = options.tables.suspended ? 'degraded' : 'store unavailable';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : down });
  });

  app.post('/api/sessions', async (req, res) => {
    const lang = langOf(req);
    if (!options.apiKey || !keyMatches(req, options.apiKey)) {
      res.status(401).json({
        error: lang === 'nl' ? 'API-sleutel ontbreekt of klopt niet.' : 'Missing or wrong API key.',
      });
      return;
    }
    // Several contracts served: the planning system names the one (`?contract=`), once.
    const raw = req.query.contract;
    const asked = typeof raw === 'string' ? raw : undefined;
    if (
      (raw !== undefined && asked === undefined) ||
      (asked === undefined && options.desk.cores.length > 1)
    ) {
      const known = options.desk.cores.map((c) => c.contract).join(', ');
      res.status(400).json({ errors: [t(lang, 'contracts.apiChoose', { known })] });
      return;
    }
    const core = options.desk.core(asked);
    if (!core) {
      const named = { nl: String(asked), en: String(asked) };
      res.status(404).json({ error: new UserError('unknown-contract', {}, named).text(lang) });
      return;
    }
    const result = await registerSession(core, req.body);
    if (!result.ok) {
      res.status(400).json({ errors: issueLines(result.issues, lang) });
      return;
    }
    res
      .status(result.outcome === 'created' ? 201 : 200)
      .json({ id: result.session.id, outcome: result.outcome });
  });

  // Chart images for platforms that fetch them by URL (Slack); an unknown id is a plain 404.
  app.get('/charts/:file', async (req, res) => {
    const id = String(req.params.file).replace(/\.png$/, '');
    const png = await new ChartStore(options.tables).get(id);
    if (!png) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.status(200).type('image/png').set('Cache-Control', 'public, max-age=31536000, immutable').send(png);
  });

  const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  // Progress reports behind a signed, expiring link (flows/report.ts): drawn up when opened.
  app.get('/reports/:token', async (req, res) => {
    const lang = langOf(req);
    const opened = await openReportLink(options.desk.primary, String(req.params.token), (id) =>
      options.desk.core(id),
    );
    if (!opened.ok) {
      res
        .status(opened.reason === 'not-allowed' ? 403 : opened.reason === 'expired' ? 410 : 403)
        .type('text/plain; charset=utf-8')
        .send(
          t(lang, 'report.refused', {
            reason: opened.reason === 'not-allowed' ? 'notAllowed' : opened.reason,
          }),
        );
      return;
    }
    const file = await renderReport(opened.core, opened.link);
    res
      .status(200)
      .type(opened.link.format === 'pdf' ? 'application/pdf' : XLSX_TYPE)
      .set('Content-Disposition', `attachment; filename="${opened.name.replace(/[^\w.-]/g, '_')}"`)
      .set('Cache-Control', 'private, no-store')
      .send(file);
  });

  for (const mount of options.mounts ?? []) mount(app);

  // Refused requests, user errors, store faults, and everything else: one place.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const lang = langOf(req);
    if (res.headersSent) {
      // Too late to answer (a handler failed mid-response): end it, and say so once.
      log(`[http] ${req.method} ${req.path}: failed after the answer began: ${(error as Error)?.message}`);
      res.end();
      return;
    }
    if (error instanceof RequestError) {
      log(`[http] ${error.status} ${req.method} ${req.path}: ${error.logLine}`);
      res.status(error.status).json({ errors: [error.detail[lang]] });
      return;
    }
    if (error instanceof UserError) {
      res
        .status(error.code === 'not-yours' || error.code === 'not-allowed' ? 403 : 400)
        .json({ error: error.text(lang) });
      return;
    }
    if (error instanceof StoreError && error.kind === 'unavailable') {
      log(`[store] ${error.message}`);
      res.status(503).json({ error: error.userMessage(lang) });
      return;
    }
    const reference = errorReference();
    log(`[${reference}] ${req.method} ${req.path}: ${(error as Error)?.stack ?? String(error)}`);
    res.status(500).json({ error: apology(lang, reference) });
  });
  return app;
}

function keyMatches(req: Request, expected: string): boolean {
  const header = req.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7) : String(req.headers['x-api-key'] ?? '');
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, () => resolve(server));
    server.once('error', reject);
  });
}
