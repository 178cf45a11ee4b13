// A JSON HTTP server on a free loopback port, for the stand-ins of platforms the bot calls.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface JsonReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export async function jsonServer(
  handle: (req: IncomingMessage) => Promise<JsonReply>,
): Promise<{ origin: string; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    void handle(req).then(
      ({ status, body, headers }) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      },
      // A stand-in that cannot make sense of a request still answers (as the real service would).
      (error: Error) => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'BadRequest', message: error.message } }));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
