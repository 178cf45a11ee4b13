// The journal's files: rotation keeps a sealed segment until Azurite has certainly saved it, a torn
// line is skipped, and a writer holding a sealed file writes again into the new one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Journal } from '../../src/store/journal.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function dataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'pm-journal-'));
  folders.push(folder);
  return folder;
}

describe('the journal', () => {
  const record = (n: number) => [
    { op: 'upsert' as const, entity: { partitionKey: 'p', rowKey: `r${n}`, n } },
  ];
  const rows = async (journal: Journal) =>
    (await journal.read()).map((r) => r.ops[0]?.op === 'upsert' && r.ops[0].entity.rowKey);

  it('rotates: a sealed segment stays until Azurite has certainly saved it; a torn last line is skipped', async () => {
    const folder = dataFolder();
    const journal = new Journal(folder);
    await Promise.all([journal.append('t', record(1)), journal.append('t', record(2))]);
    await journal.rotate({ now: 1_000, savedBefore: 0 });
    await journal.append('t', record(3));
    expect(await rows(journal)).toEqual(['r1', 'r2', 'r3']);
    await journal.rotate({ now: 2_000, savedBefore: 1_000 }); // sealed at 1000: not before 1000
    expect(await rows(journal)).toEqual(['r1', 'r2', 'r3']);
    await journal.rotate({ now: 3_000, savedBefore: 1_500 }); // drops the one sealed at 1000
    writeFileSync(join(folder, 'journal.jsonl'), '{"t":1,"pid":1,"table":"t","ops":[{"op":"ups', {
      flag: 'a',
    });
    expect(await rows(journal)).toEqual(['r3']);
    await journal.truncate();
    expect(await rows(journal)).toEqual([]);
    await journal.close();
  });

  it('keeps a record appended after a torn line (a write cut off by a kill) readable', async () => {
    const folder = dataFolder();
    const journal = new Journal(folder);
    await journal.append('t', record(1));
    writeFileSync(join(folder, 'journal.jsonl'), '{"t":1,"pid":1,"table":"t","ops":[{"op":"ups', {
      flag: 'a',
    });
    await journal.append('t', record(2));
    expect(await rows(journal)).toEqual(['r1', 'r2']);
    await journal.close();
  });

  it('a writer in another process that still holds the sealed file writes its record again into the new one', async () => {
    const folder = dataFolder();
    const command = new Journal(folder);
    const bot = new Journal(folder);
    await command.append('t', record(1)); // opens the file and keeps it open
    await bot.rotate({ now: 1_000, savedBefore: 0 });
    await command.append('t', record(2));
    await bot.rotate({ now: 2_000, savedBefore: 1_500 }); // drops the segment that got record 2 first
    expect(await rows(bot)).toEqual(['r2']);
    await Promise.all([command.close(), bot.close()]);
  });
});
