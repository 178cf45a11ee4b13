// `taken` lists the person's open questionnaires, and not one whose window has closed.
import { describe, expect, it } from 'vitest';
import { handleCommand } from '../../src/flows/commands.ts';
import { assignmentOf, coreWith, oneSession, sharedAzurite } from '../support/core-setup.ts';

const azurite = sharedAzurite();
// After ses1 ends (noon, 2 March 2026, CET), while its evaluation window is open.
const AFTER_END = Date.parse('2026-03-02T11:30:00Z');

describe('taken / tasks', () => {
  it('lists an open questionnaire and drops it once its window has closed', async () => {
    const { core, clock, worker } = await coreWith(azurite(), 'tasks', oneSession(), AFTER_END);
    await worker.runOnce();
    const [open] = await handleCommand(core, 'f1', 'taken', { channel: 'local' });
    expect(open?.kind === 'tasks' && open.tasks.map((t) => t.assignmentId)).toEqual([
      assignmentOf('facilitator', 'f1'),
    ]);
    clock.advance(60 * 24 * 3600 * 1000);
    const [later] = await handleCommand(core, 'f1', 'tasks', { channel: 'local' });
    expect(later?.kind === 'tasks' && later.tasks).toEqual([]);
  });
});
