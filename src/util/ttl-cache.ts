// A small in-process cache whose entries are used for a while and then read again: for what the
// store keeps and another instance may change (a person's language, a platform user's person), so
// that a request costs no read for them when warm, and a change elsewhere is seen within `ttlMs`.
// Real time (performance.now), like the contract view's: it decides when to read, never what is true.
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (performance.now() - entry.at < this.ttlMs) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, at: performance.now() });
  }
}
