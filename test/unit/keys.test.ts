import { describe, expect, it } from 'vitest';
import { key, keyPart } from '../../src/store/tables.ts';

describe('table keys', () => {
  it('escapes what Azure Tables forbids, our separator and the escape itself', () => {
    expect(keyPart('a/b\\c#d?e%f|g')).toBe('a%2fb%5cc%23d%3fe%25f%7cg');
    expect(keyPart('tab\there\u0085')).toBe('tab%09here%85');
    expect(keyPart('Sessie één')).toBe('Sessie één');
  });

  it('joins parts with | so that different ids never give the same key', () => {
    expect(key('a|b', 'c')).not.toBe(key('a', 'b|c'));
    expect(key('lef-2026', 'fbv', '2026-H1')).toBe('lef-2026|fbv|2026-H1');
  });
});
