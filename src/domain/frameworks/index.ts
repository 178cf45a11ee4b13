// The frameworks a contract can name in its records.
import { lef } from './lef.ts';
import type { Framework } from './schema.ts';

export const frameworks: ReadonlyMap<string, Framework> = new Map([[lef.id, lef]]);

export function findFramework(id: string): Framework | undefined {
  return frameworks.get(id);
}

export type { Framework, Kpi, Rule } from './schema.ts';
