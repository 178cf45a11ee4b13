// A framework as a data file (YAML or JSON), validated by the one Framework schema: read from the
// repository's `frameworks/` folder (the built-in ones) and from a folder a deployment names
// (FRAMEWORKS_DIR). A wrong file is refused with its name and the path of every wrong field.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { formatPath } from '../validate.ts';
import { Framework } from './schema.ts';

/** The frameworks that come with the code. */
export const BUILT_IN_DIR = fileURLToPath(new URL('../../../frameworks/', import.meta.url));

export class FrameworkFileError extends Error {}

export function readFrameworkFile(file: string): Framework {
  let data: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    data = file.endsWith('.json') ? JSON.parse(text) : parse(text);
  } catch (error) {
    throw new FrameworkFileError(`${file}: ${(error as Error).message}`);
  }
  const parsed = Framework.safeParse(data);
  if (!parsed.success)
    throw new FrameworkFileError(
      [
        `${file}: not a valid framework`,
        ...parsed.error.issues.map((i) => `  ${formatPath(i.path)}: ${i.message}`),
      ].join('\n'),
    );
  return parsed.data;
}

/** Every `*.yaml`, `*.yml` and `*.json` file of a folder, in name order. */
export function readFrameworkDir(dir: string): Framework[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new FrameworkFileError(`${dir}: ${(error as Error).message}`);
  }
  return names
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => readFrameworkFile(join(dir, name)));
}
