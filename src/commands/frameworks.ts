// A deployment's own KPI frameworks: every YAML or JSON file in FRAMEWORKS_DIR, validated and added
// beside the built-in ones (frameworks/) before a command runs. A wrong file stops the command with
// the file's name and each wrong field.
import { resolve } from 'node:path';
import { FrameworkFileError, readFrameworkDir } from '../domain/frameworks/files.ts';
import { registerFrameworks } from '../domain/frameworks/index.ts';
import { StartupError } from '../errors.ts';

const loaded = new Set<string>();

export function useFrameworksDir(dir: string | undefined): void {
  if (!dir) return;
  const path = resolve(dir);
  if (loaded.has(path)) return;
  try {
    registerFrameworks(readFrameworkDir(path), path);
  } catch (error) {
    if (error instanceof FrameworkFileError) throw new StartupError(`FRAMEWORKS_DIR: ${error.message}`);
    throw error;
  }
  loaded.add(path);
}
