// The frameworks a contract can name in its records: the built-in ones (frameworks/*.yaml, read once
// when first needed) and those a deployment adds from its own folder at start (FRAMEWORKS_DIR).
import { BUILT_IN_DIR, FrameworkFileError, readFrameworkDir } from './files.ts';
import type { Framework } from './schema.ts';

let registry: Map<string, Framework> | undefined;

function all(): Map<string, Framework> {
  registry ??= new Map(readFrameworkDir(BUILT_IN_DIR).map((f) => [f.id, f]));
  return registry;
}

export function findFramework(id: string): Framework | undefined {
  return all().get(id);
}

/** A framework's name in `lang`, for a person choosing between contracts (undefined when unknown). */
export function frameworkName(id: string, lang: 'nl' | 'en'): string | undefined {
  return findFramework(id)?.name[lang];
}

export function frameworkIds(): string[] {
  return [...all().keys()];
}

/** Adds frameworks (a deployment's own); an id already known is refused, so LEF cannot be replaced by accident. */
export function registerFrameworks(list: readonly Framework[], source: string): void {
  const known = all();
  for (const framework of list) {
    const existing = known.get(framework.id);
    if (existing && existing !== framework)
      throw new FrameworkFileError(`${source}: a framework "${framework.id}" exists already`);
    known.set(framework.id, framework);
  }
}

export type { Framework, Kpi, Rule } from './schema.ts';
