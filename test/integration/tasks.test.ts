// `taken` lists the person's open questionnaires, and not one whose window has closed.
import { describe, expect, it } from 'vitest';
import { handleCommand } from '../../src/flows/commands.ts';
import { renderBlocks } from '../../src/render/blocks.ts';
import { renderCard } from '../../src/render/cards.ts';
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

  it('renders the list as a card with an Openen button per task, dates in words, and says so when empty', async () => {
    const { core, worker } = await coreWith(azurite(), 'tasks-card', oneSession(), AFTER_END);
    await worker.runOnce();
    const [open] = await handleCommand(core, 'f1', 'taken', { channel: 'local' });
    if (open?.kind !== 'tasks') throw new Error('expected a tasks message');
    const card = JSON.stringify(renderCard(open, 'nl'));
    expect(card).toContain('"verb":"open"');
    expect(card).toContain(`"assignmentId":"${assignmentOf('facilitator', 'f1')}"`);
    expect(card).toContain('Openen');
    expect(card).toContain('maart 2026');
    expect(card).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const slack = renderBlocks(open, 'en').blocks.filter((b) => b.type === 'actions');
    expect(slack.map((b) => b.elements[0].value)).toEqual([assignmentOf('facilitator', 'f1')]);
    const none = JSON.stringify(renderCard({ kind: 'tasks', tasks: [] }, 'nl'));
    expect(none).toContain('Je hebt geen open vragenlijsten.');
    expect(none).not.toContain('"verb":"open"');
  });
});
