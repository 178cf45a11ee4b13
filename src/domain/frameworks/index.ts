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

/** What a framework has, so that chat offers only its commands (no LEF days in a welfare contract). */
export interface FrameworkFeatures {
  /** Sessions evaluated after the fact (KPI 2–3): `sessie`. */
  sessions: boolean;
  /** Client requests answered with proposals (KPI 1): `aanvraag`, `herselectie`. */
  requests: boolean;
  /** LEF days: `lefdag`. */
  lefDays: boolean;
  /** A satisfaction survey: `enquete`. */
  survey: boolean;
  /** Facilitators, who do the sessions and come to the LEF days: `facilitator`. */
  facilitators: boolean;
  /** Verdicts (a KPI can be red), so findings to reply to: `reactie`. */
  verdicts: boolean;
}

export function frameworkFeatures(framework: Framework | undefined): FrameworkFeatures {
  const kinds = new Set((framework?.kpis ?? []).map((k) => k.rule.kind));
  const verdicts = (framework?.kpis ?? []).some(
    (k) =>
      (k.rule.kind !== 'trend' && k.rule.kind !== 'descriptive' && k.rule.kind !== 'figure') ||
      (k.rule.kind === 'figure' && (k.rule.min !== undefined || k.rule.max !== undefined)),
  );
  return {
    sessions: kinds.has('session-evaluation'),
    requests: kinds.has('request-delivery'),
    lefDays: kinds.has('lef-day-attendance'),
    survey: kinds.has('satisfaction-survey'),
    facilitators: kinds.has('session-evaluation') || kinds.has('lef-day-attendance'),
    verdicts,
  };
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
