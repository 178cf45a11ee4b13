// Every id the records schema accepts fits every key: long ids are hashed, deterministically, and
// ids carried in cards are joined without hashing so that they can be read back.
import { describe, expect, it } from 'vitest';
import { assignmentId, parseAssignmentId } from '../../src/store/assignments.ts';
import { joinIds, KEY_PART_MAX, key, keyPart, keyParts } from '../../src/store/tables.ts';

const bytes = (text: string) => Buffer.byteLength(text);

describe('the key budget', () => {
  it('keeps short ids as they were, so that stored keys stay valid', () => {
    expect(keyPart('lef-2026')).toBe('lef-2026');
    expect(key('prompt|ses1|facilitator|f1')).toBe('prompt%7cses1%7cfacilitator%7cf1');
    // The longest plain id the schema accepts was stored unhashed before ids were hashed: it still is.
    expect(keyPart('s'.repeat(200))).toBe('s'.repeat(200));
  });

  it('hashes ids whose escaped form is too long: bounded, deterministic, distinct', () => {
    const worst = ['|', '\u0001', 'é', '😀', '\ud800'].map((char) => char.repeat(200));
    for (const id of worst) {
      const part = keyPart(id);
      expect(bytes(part)).toBeLessThanOrEqual(KEY_PART_MAX);
      expect(part).toBe(keyPart(id));
      expect(part).not.toBe(keyPart(id.slice(1)));
      // Valid in a URL and in a key: no lone surrogate, no character Azure Tables forbids.
      expect(() => encodeURIComponent(part)).not.toThrow();
      const forbidden = [...part].filter(
        (c) => '/\\#?'.includes(c) || c < ' ' || (c >= '\u007f' && c <= '\u009f'),
      );
      expect(forbidden).toEqual([]);
    }
    // Five of the longest parts (our longest keys have five) stay under Azure's 1 KiB.
    const longest = key(...worst);
    expect(longest.length).toBeLessThan(1024);
    expect(bytes(longest)).toBeLessThan(1024);
  });

  it('never gives a short id the key of a hashed one', () => {
    const hashed = keyPart('|'.repeat(200));
    expect(hashed).toContain('%~');
    // An id that spells out the hashed form is escaped, so it lands elsewhere.
    expect(keyPart(hashed)).not.toBe(hashed);
  });

  it('reads back the ids of an assignment id however long or odd they are', () => {
    const session = '|'.repeat(200);
    const person = `\ud800${'%'.repeat(199)}`;
    const id = assignmentId({ session, role: 'facilitator', person });
    expect(parseAssignmentId(id)).toEqual({ kind: 'session', session, role: 'facilitator', person });
    // A survey round's assignment has four parts; the round's id may be just as odd.
    const survey = assignmentId({ kind: 'survey', round: session, role: 'client', person });
    expect(parseAssignmentId(survey)).toEqual({ kind: 'survey', round: session, role: 'client', person });
    expect(keyParts(joinIds('a|b', 'c%7c'))).toEqual(['a|b', 'c%7c']);
    // Slack carries it in a button value (at most 2,000 characters).
    expect(id.length).toBeLessThan(2000);
  });
});
