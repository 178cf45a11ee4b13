// A Host allow-list against DNS rebinding, as development servers have: a page on evil.example whose
// name is made to resolve to 127.0.0.1 reaches this loopback server as "same origin", but its requests
// still say `Host: evil.example`. Only loopback names and the bot's public name (BOT_HOST) get in.
import type { NextFunction, Request, Response } from 'express';
import type { Lang } from '../i18n.ts';
import { langOf } from './server.ts';

export interface HostCheckOptions {
  /** The public host name (BOT_HOST), what Teams, Slack and a reverse proxy address the bot by. */
  botHost?: string;
  /**
   * Paths whose every request is authenticated by a signature (Slack's v0 HMAC, a Bot Framework
   * token): a rebinding page gains nothing there, and a deployment whose proxy rewrites the Host, or
   * that forgot BOT_HOST, must not lose its Teams and Slack traffic to this check.
   */
  signedPaths?: readonly string[];
  log: (line: string) => void;
}

// Health probes (Kubernetes, App Service) call by IP address or an internal name, and the answer
// says nothing but "ok": checking the Host there would only turn a healthy bot unhealthy.
const UNCHECKED = new Set(['/healthz']);

const REFUSED: Record<Lang, string> = {
  nl: 'Onbekende hostnaam: deze server antwoordt alleen op localhost of op zijn eigen naam (BOT_HOST).',
  en: 'Unknown host name: this server answers only on localhost or on its own name (BOT_HOST).',
};

/** The name part of a Host header (`name`, `name:port`, `[v6]`, `[v6]:port`), lower case, without a final dot. */
export function hostName(header: string): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]\s]+)(?::\d{1,5})?$/i.exec(header);
  return match?.[1]?.toLowerCase().replace(/\.$/, '');
}

export function isAllowedHost(header: string | undefined, botHost?: string): boolean {
  const name = header === undefined ? undefined : hostName(header);
  if (name === undefined || name === '') return false;
  // The port does not matter: a rebinding page can pick any name but not make it one of these.
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(name) ||
    name === '[::1]' ||
    (botHost !== undefined && name === botHost.toLowerCase())
  );
}

export function hostCheck(options: HostCheckOptions) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (
      UNCHECKED.has(req.path) ||
      options.signedPaths?.includes(req.path) ||
      isAllowedHost(req.headers.host, options.botHost)
    ) {
      next();
      return;
    }
    // A caller's mistake (or an attack): one line, with the name quoted and cut so it cannot forge lines.
    options.log(
      `[host] refused ${req.method} ${req.path.slice(0, 100)}: Host ${JSON.stringify(String(req.headers.host ?? '').slice(0, 100))} is not a loopback name or BOT_HOST`,
    );
    // 421 Misdirected Request: the request was meant for another server name than this one.
    res.status(421).json({ error: REFUSED[langOf(req)] });
  };
}
