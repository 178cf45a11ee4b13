// KPI 1: a relationship manager's registration of a client request, kept with the request (which
// the scorer reads), the one it replaces kept beside it. Given in a session's evaluation card or on
// the request's own card; run by the answer's follow-up, so a retry of it changes nothing.
import { createHash } from 'node:crypto';
import type { ClientRequest } from '../../domain/records.ts';
import { parseInstant } from '../../domain/time.ts';
import type { Registration } from '../../store/activity.ts';
import { StoreError } from '../../store/errors.ts';
import { key, parseJson } from '../../store/tables.ts';
import type { Core } from '../core.ts';

/**
 * KPI 1: the relationship manager's registration, kept with the client request (which the scorer
 * reads) with its history. Run by the answer's follow-up, so a retry of it changes nothing.
 */
/**
 * Keeps `registration` with the request unless a later one stands; returns whether it stands now.
 * From a session's evaluation card, a registration by another relationship manager that came first
 * stands; the request's own card (`byOwner`: the relationship manager who registered the request)
 * replaces it, as any later registration by the same person does.
 */
export async function registerRequest(
  core: Core,
  requestId: string,
  registration: Registration,
  options: { byOwner?: boolean } = {},
): Promise<boolean> {
  const partition = await core.records.requestPartition(core.contract, requestId);
  if (!partition) return false;
  for (let attempt = 0; attempt < REGISTRATION_ATTEMPTS; attempt++) {
    const row = await core.tables.get('activity', partition, key('request', requestId));
    if (!row) return false;
    const request = parseJson<ClientRequest>(row);
    const previous = request.registration;
    if (previous && previous.by === registration.by && sameRegistration(previous, registration)) return true;
    // Registered by someone else first: theirs stands (unless this is the request's own card).
    if (previous && previous.by !== registration.by && !options.byOwner) return false;
    // Follow-ups may run out of order (in parallel, or retried): a later registration stands.
    if (previous && parseInstant(previous.at) > parseInstant(registration.at)) return false;
    // The replaced registration is kept as an entity of its own (insert-if-absent), so that the
    // request itself never grows with its history.
    if (previous) await keepRegistration(core, partition, request.id, previous);
    try {
      await core.tables.replace(
        'activity',
        {
          partitionKey: partition,
          rowKey: row.rowKey,
          kind: 'request',
          json: JSON.stringify({ ...request, registration }),
          ...(typeof row.history === 'string' ? { history: row.history } : {}),
        },
        row.etag,
      );
      return true;
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'conflict') throw error;
    }
  }
  // Changed by parallel follow-ups every time: the item is tried again later.
  throw new StoreError('conflict', `request ${requestId}: registration changed by others every time`);
}
const REGISTRATION_ATTEMPTS = 8;

export async function keepRegistration(
  core: Core,
  partition: string,
  requestId: string,
  registration: NonNullable<ClientRequest['registration']>,
): Promise<void> {
  const digest = createHash('sha256').update(JSON.stringify(registration)).digest('hex').slice(0, 16);
  try {
    await core.tables.create('activity', {
      partitionKey: partition,
      rowKey: key('registration', requestId, `${registration.at}-${digest}`),
      kind: 'registration',
      json: JSON.stringify(registration),
    });
  } catch (error) {
    if (!(error instanceof StoreError) || error.kind !== 'exists') throw error;
  }
}

function sameRegistration(
  a: NonNullable<ClientRequest['registration']>,
  b: NonNullable<ClientRequest['registration']>,
): boolean {
  return (
    a.suitableProposed === b.suitableProposed && a.returned === b.returned && a.motivation === b.motivation
  );
}
