// When an answer window closes and whether a moment is past it: one rule for the scorer and for the
// bot, so that an answer the bot accepted always counts and one it refused never does.
import type { ContractSettings, Session } from './records.ts';
import { addCalendarDays, parseInstant } from './time.ts';

/** The moment a session's evaluation window closes: its end plus the window's calendar days. */
export function evaluationWindowCloses(session: Session, settings: ContractSettings): number {
  return addCalendarDays(parseInstant(session.end), settings.evaluationWindowDays, settings.timeZone);
}

/**
 * Whether a window that closes at `closesAt` is closed at `at`. The closing moment itself belongs to
 * the closed side: an answer given exactly then is late.
 */
export function isClosedAt(at: number, closesAt: number): boolean {
  return at >= closesAt;
}

/**
 * Whether a survey round that closes on the day `closesOn` (in the contract's zone) is closed on the
 * day `day`: the closing day itself is still open, the day after it is closed.
 */
export function isRoundClosedOn(day: string, closesOn: string): boolean {
  return day > closesOn;
}
