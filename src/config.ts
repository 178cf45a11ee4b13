// Environment → settings, read once and validated; a wrong setting fails at start with a hint.
import { resolve } from 'node:path';
import { z } from 'zod';
import { formatPath } from './domain/validate.ts';

const Settings = z.object({
  STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  CONTRACT_ID: z.string().min(1).optional(),
  API_KEY: z.string().min(16, 'use at least 16 characters').optional(),
});

export interface Config {
  storageConnectionString?: string;
  dataDir: string;
  port: number;
  host: string;
  contractId?: string;
  apiKey?: string;
}

const HINTS: Record<string, string> = {
  STORAGE_CONNECTION_STRING:
    'an Azure Storage or Cosmos DB for Table connection string; leave unset for the embedded Azurite',
  PORT: 'a TCP port number, e.g. 3978',
  API_KEY: 'a random secret of at least 16 characters for POST /api/sessions',
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Settings.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = formatPath(issue.path);
      return `${name}: ${issue.message}${HINTS[name] ? ` (expected ${HINTS[name]})` : ''}`;
    });
    throw new ConfigError(`Invalid settings (see .env.example):\n${lines.join('\n')}`);
  }
  const s = parsed.data;
  return {
    storageConnectionString: s.STORAGE_CONNECTION_STRING,
    dataDir: resolve(s.DATA_DIR),
    port: s.PORT,
    host: s.HOST,
    contractId: s.CONTRACT_ID,
    apiKey: s.API_KEY,
  };
}
