// A write-ahead journal for the embedded Azurite. Azurite's table store (LokiJS) saves its data file
// only every 5 seconds, so a SIGKILL loses what it accepted since: every write the TableStore makes
// is appended here, after Azurite accepted it and before the caller hears so, as one fsync'd JSON
// line, and replayed at start and after a restart of Azurite. Writers in several processes (the bot,
// a command beside it) append to the same file with O_APPEND; concurrent writes share one fsync.
import { type FileHandle, open, readdir, readFile, rename, stat, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreError } from './errors.ts';

export type JournalEntity = { partitionKey: string; rowKey: string } & Record<string, unknown>;
export type JournalOp =
  | { op: 'upsert'; entity: JournalEntity }
  | { op: 'delete'; partitionKey: string; rowKey: string };

/** One line: what one call (an operation or a transaction) wrote to one table. */
export interface JournalRecord {
  /** When it was journaled (ms since the epoch). */
  t: number;
  pid: number;
  /** The table's name in the account (with its prefix). */
  table: string;
  ops: JournalOp[];
}

const CURRENT = 'journal.jsonl';
/** Sealed segments: `journal.<sealed at, ms>.jsonl`, read in that order before the current file. */
const SEALED = /^journal\.(\d+)\.jsonl$/;

interface Pending {
  line: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class Journal {
  private handle: FileHandle | undefined;
  private pending: Pending[] = [];
  private draining = false;
  /** File work (a batch of appends, a rotation) runs one piece at a time, in this chain. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    /** The folder it lives in (Azurite's data folder, so that removing that folder removes both). */
    readonly folder: string,
  ) {}

  get path(): string {
    return join(this.folder, CURRENT);
  }

  /** Appends one record; resolves once it is on disk (fsync'd). */
  append(table: string, ops: JournalOp[], now = Date.now()): Promise<void> {
    const record: JournalRecord = { t: now, pid: process.pid, table, ops };
    const line = `${JSON.stringify(record)}\n`;
    return new Promise((resolve, reject) => {
      this.pending.push({ line, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when every append made so far is on disk (or has failed). */
  async flush(): Promise<void> {
    while (this.pending.length > 0 || this.draining) await this.chain;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => {});
    return run;
  }

  private schedule(): void {
    if (this.draining) return;
    this.draining = true;
    void this.exclusive(async () => {
      try {
        await this.drain();
      } finally {
        this.draining = false;
      }
    }).then(() => {
      if (this.pending.length > 0) this.schedule();
    });
  }

  // Group commit: whatever queued while the previous fsync ran goes out in one write and one fsync.
  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      // A batch starts on a fresh line: if a write of any process was torn (a kill, a full disk),
      // its fragment ends there instead of swallowing this batch's first record.
      const data = Buffer.from(`\n${batch.map((p) => p.line).join('')}`);
      try {
        await this.writeAll(data);
        for (const p of batch) p.resolve();
      } catch (error) {
        await this.closeHandle();
        const failure = new StoreError('unavailable', `journal: could not write ${this.path}`, error);
        for (const p of batch) p.reject(failure);
      }
    }
  }

  private async writeAll(data: Buffer): Promise<void> {
    const handle = await this.open();
    await writeFully(handle, data);
    await handle.datasync();
    // The bot seals the current file now and then (rename): a process that still held the old file
    // open wrote into the sealed segment, which may be dropped soon; write the batch again into the
    // new file. Replaying a record twice in a row changes nothing.
    if (!(await sameFile(handle, this.path))) {
      await this.closeHandle();
      const fresh = await this.open();
      await writeFully(fresh, data);
      await fresh.datasync();
    }
  }

  private async open(): Promise<FileHandle> {
    // 'a' is O_APPEND: each write lands at the end, whoever else appends meanwhile.
    this.handle ??= await open(this.path, 'a', 0o600);
    return this.handle;
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close().catch(() => {});
  }

  /** Every record, oldest segment first; a torn last line (a write cut off by a crash) is skipped. */
  async read(): Promise<JournalRecord[]> {
    await this.flush();
    const out: JournalRecord[] = [];
    for (const file of [...(await this.sealedSegments()).map((s) => s.file), CURRENT]) {
      let text: string;
      try {
        text = await readFile(join(this.folder, file), 'utf8');
      } catch {
        continue; // no such file (yet)
      }
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          out.push(JSON.parse(line) as JournalRecord);
        } catch {
          // Only a write that never completed can be torn, and its caller was never told it was saved.
        }
      }
    }
    return out;
  }

  /**
   * Seals the current file and drops sealed segments that Azurite has certainly saved: those
   * sealed before `savedBefore`. The caller (the owner of the running Azurite) passes a time well
   * past Azurite's 5-second save interval since both the segment was sealed and Azurite last
   * started (a replay puts everything back into memory, to be saved again).
   */
  rotate(options: { now: number; savedBefore: number }): Promise<{ dropped: number }> {
    return this.exclusive(() => this.rotateNow(options));
  }

  private async rotateNow(options: { now: number; savedBefore: number }): Promise<{ dropped: number }> {
    const sealed = await this.sealedSegments();
    let dropped = 0;
    for (const segment of sealed) {
      if (segment.sealedAt >= options.savedBefore) continue;
      await unlink(join(this.folder, segment.file)).catch(() => {});
      dropped += 1;
    }
    const size = await stat(this.path).then(
      (s) => s.size,
      () => 0,
    );
    if (size > 0) {
      // Appends of this process wait in the chain; other processes notice after their next write.
      await this.closeHandle();
      // Names sort as the segments were sealed: never reuse a time already taken.
      const last = sealed[sealed.length - 1]?.sealedAt ?? 0;
      await rename(this.path, join(this.folder, `journal.${Math.max(options.now, last + 1)}.jsonl`));
    }
    return { dropped };
  }

  /** After Azurite saved and stopped cleanly: nothing left to replay. */
  truncate(): Promise<void> {
    return this.exclusive(async () => {
      for (const segment of await this.sealedSegments())
        await unlink(join(this.folder, segment.file)).catch(() => {});
      await truncate(this.path, 0).catch(() => {});
    });
  }

  async close(): Promise<void> {
    await this.flush();
    await this.closeHandle();
  }

  private async sealedSegments(): Promise<{ file: string; sealedAt: number }[]> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    return names
      .flatMap((file) => {
        const match = SEALED.exec(file);
        return match ? [{ file, sealedAt: Number(match[1]) }] : [];
      })
      .sort((a, b) => a.sealedAt - b.sealedAt);
  }
}

async function writeFully(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

async function sameFile(handle: FileHandle, path: string): Promise<boolean> {
  try {
    const [open, named] = await Promise.all([handle.stat(), stat(path)]);
    return open.ino === named.ino && open.dev === named.dev;
  } catch {
    return false;
  }
}
