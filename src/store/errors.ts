// The store's typed errors: callers decide by type (retry a conflict, apologise for an outage),
// and a person is told in their language, never shown the storage service's own message.
import type { Lang } from '../i18n.ts';

export type StoreErrorKind = 'unavailable' | 'conflict' | 'exists' | 'not-found' | 'too-large';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreError';
  }

  /** What a person is told. */
  userMessage(lang: Lang): string {
    return USER_MESSAGES[this.kind][lang];
  }
}

const USER_MESSAGES: Record<StoreErrorKind, Record<Lang, string>> = {
  unavailable: {
    nl: 'Kon niet opslaan, probeer het zo opnieuw.',
    en: 'Could not save, please try again in a moment.',
  },
  conflict: {
    nl: 'Iemand anders wijzigde dit tegelijk; probeer het opnieuw.',
    en: 'Someone else changed this at the same time; please try again.',
  },
  exists: { nl: 'Dit bestaat al.', en: 'This already exists.' },
  'not-found': { nl: 'Niet gevonden.', en: 'Not found.' },
  'too-large': {
    nl: 'Dit is te groot om op te slaan.',
    en: 'This is too large to store.',
  },
};

interface RestLike {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Maps an error of the Azure Tables client to a StoreError. */
export function toStoreError(error: unknown, what: string): StoreError {
  if (error instanceof StoreError) return error;
  const e = (error ?? {}) as RestLike;
  switch (e.statusCode) {
    case 412:
      return new StoreError('conflict', `${what}: changed by someone else (ETag mismatch)`, error);
    case 409:
      return new StoreError('exists', `${what}: already exists`, error);
    case 404:
      return new StoreError('not-found', `${what}: not found`, error);
    case 413:
      return new StoreError('too-large', `${what}: entity too large`, error);
    default:
      if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) {
        // A request the service refused is a bug of ours, not an outage: keep it loud.
        throw error;
      }
      return new StoreError(
        'unavailable',
        `${what}: the store did not answer (${e.code ?? e.statusCode ?? e.message})`,
        error,
      );
  }
}
