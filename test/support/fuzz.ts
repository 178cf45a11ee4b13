// Seeded random bodies for the fuzz test: a PRNG that replays from its seed, structure-aware
// mutations of valid bodies (a value replaced, a key dropped or added, a string stretched or
// garbled, types swapped, deep nesting), byte-level damage to their text, and bodies from nothing.

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export class Random {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ODD_STRINGS = [
  '',
  ' ',
  '|',
  '||||',
  '/',
  '\\',
  '#?',
  '%00',
  '\u0000',
  '\u202e',
  '\ud83d\ude00',
  '\ud800',
  '<img src=x onerror=alert(1)>',
  "' or 1 eq 1",
  '{{7*7}}',
  '__proto__',
  'constructor',
  '2026-13-45T99:99:99+99:00',
  '9999-H1',
  'NaN',
  '-1',
  '1e999',
];
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', '', ' ', 'lang', 'type', 'id', 'x'.repeat(300)];

export function randomString(random: Random): string {
  if (random.chance(0.4)) return random.pick(ODD_STRINGS);
  const length = random.chance(0.05) ? 1_000 + random.int(4_000) : random.int(40);
  let text = '';
  for (let i = 0; i < length; i++) {
    text += random.chance(0.9)
      ? String.fromCharCode(32 + random.int(95))
      : String.fromCharCode(random.int(0xffff));
  }
  return text;
}

export function randomValue(random: Random, depth = 0): Json {
  const kind = random.int(depth > 3 ? 5 : 8);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, random.int(1000)]);
    case 3:
    case 4:
      return randomString(random);
    case 5:
      return Array.from({ length: random.int(4) }, () => randomValue(random, depth + 1));
    case 6:
      return nested(random, 1 + random.int(depth === 0 ? 80 : 10));
    default: {
      const object: Record<string, Json> = {};
      for (let i = random.int(5); i > 0; i--)
        put(
          object,
          random.chance(0.2) ? random.pick(ODD_KEYS) : randomString(random).slice(0, 20),
          randomValue(random, depth + 1),
        );
      return object;
    }
  }
}

/** Sets an own property, also for "__proto__" (plain assignment would set the prototype). */
function put(object: Record<string | number, Json>, key: string | number, value: Json): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function nested(random: Random, levels: number): Json {
  let value: Json = random.chance(0.5) ? [] : {};
  for (let i = 0; i < levels; i++) value = random.chance(0.5) ? [value] : { a: value };
  return value;
}

/** A copy of `value` with one to three random changes somewhere in its tree. */
export function mutate(random: Random, value: Json): Json {
  let result = JSON.parse(JSON.stringify(value)) as Json;
  for (let n = 1 + random.int(3); n > 0; n--) result = mutateOnce(random, result);
  return result;
}

function mutateOnce(random: Random, value: Json): Json {
  if (value !== null && typeof value === 'object' && random.chance(0.75)) {
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    if (keys.length > 0 && random.chance(0.8)) {
      const key = random.pick(keys as (string | number)[]);
      const container = value as Record<string | number, Json>;
      const roll = random.int(10);
      if (roll === 0 && !Array.isArray(value)) delete container[key];
      else put(container, key, mutateOnce(random, container[key] as Json));
      return value;
    }
    if (!Array.isArray(value))
      put(value, random.chance(0.3) ? random.pick(ODD_KEYS) : 'extra', randomValue(random));
    else value.push(randomValue(random));
    return value;
  }
  if (typeof value === 'string' && random.chance(0.6)) {
    const roll = random.int(4);
    if (roll === 0) return value + randomString(random);
    if (roll === 1) return value.slice(0, random.int(value.length + 1));
    if (roll === 2) return value.repeat(2 + random.int(random.chance(0.1) ? 40 : 5));
    return randomString(random);
  }
  return randomValue(random);
}

/** Byte-level damage to a body's text: truncated, a byte flipped, junk inserted, a piece repeated. */
export function damage(random: Random, text: string): Buffer {
  const bytes = Buffer.from(text);
  const roll = random.int(5);
  if (bytes.length === 0 || roll === 0) return Buffer.from(randomString(random));
  const at = random.int(bytes.length);
  if (roll === 1) return bytes.subarray(0, at);
  if (roll === 2) {
    const copy = Buffer.from(bytes);
    copy[at] = random.int(256);
    return copy;
  }
  if (roll === 3) {
    const junk = Buffer.from(Array.from({ length: 1 + random.int(8) }, () => random.int(256)));
    return Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]);
  }
  return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at / 2, at), bytes.subarray(at)]);
}

/** Rewrites every `key` in the tree (at any depth) to `to`: fuzzed URLs must stay on loopback. */
export function pin(value: Json, key: string, to: Json): Json {
  if (Array.isArray(value)) return value.map((item) => pin(item, key, to));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) put(out, k, k === key ? to : pin(v, key, to));
  return out;
}

export type { Json };
