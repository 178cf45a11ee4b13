// The data folder of the embedded store: readable by its owner only (it holds names, e-mail
// addresses and answers), and a marker once it has held a contract, so that a store that comes
// back empty is never mistaken for a first start and seeded with the demo.
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../errors.ts';

const MARKER = 'held-a-contract.json';

/**
 * Creates the folder owner-only, or makes it so (every folder 0700, every file 0600) and reports
 * what was wider, so that the caller can say so once.
 */
export function secureDataFolder(dataDir: string): string[] {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Windows has no such modes: its folders inherit the user profile's ACLs.
  if (process.platform === 'win32') return [];
  const widened: string[] = [];
  const tighten = (path: string, mode: number) => {
    try {
      chmodSync(path, mode);
      widened.push(path);
    } catch {
      // Not ours to change (another user's file): Azurite will say so if it cannot use it.
    }
  };
  const visit = (path: string) => {
    // lstat: a symbolic link is neither followed nor changed.
    const stat = lstatSync(path);
    if (stat.isDirectory()) {
      if ((stat.mode & 0o077) !== 0) tighten(path, 0o700);
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (stat.isFile() && (stat.mode & 0o077) !== 0) {
      tighten(path, 0o600);
    }
  };
  visit(dataDir);
  return widened;
}

export function heldContract(dataDir: string): boolean {
  return existsSync(join(dataDir, MARKER));
}

export function markHeldContract(dataDir: string, contracts: string[], now: number): void {
  if (contracts.length === 0 || heldContract(dataDir)) return;
  writeFileSync(join(dataDir, MARKER), JSON.stringify({ since: new Date(now).toISOString(), contracts }), {
    mode: 0o600,
  });
}

export class EmptiedStoreError extends StartupError {
  constructor(readonly dataDir: string) {
    const marker = join(dataDir, MARKER);
    super(
      `De opslag in ${dataDir} is leeg, maar bevatte eerder een contract; de demo wordt er niet overheen gezet. ` +
        `Zet de gegevens terug (of importeer ze opnieuw), of verwijder ${marker} om met een lege datamap te beginnen. / ` +
        `The store in ${dataDir} is empty but held a contract before; the demo is not loaded over it. ` +
        `Restore the data (or import it again), or remove ${marker} to start with an empty data folder.`,
    );
  }
}
