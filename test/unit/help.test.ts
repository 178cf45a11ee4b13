// Help per role and channel, checked against what each role may do; `taal` changes the language.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BotMessage, ChannelId } from '../../src/channels/channel.ts';
import { parseRecords } from '../../src/domain/validate.ts';
import { UserError } from '../../src/errors.ts';
import { handleCommand } from '../../src/flows/commands.ts';
import { languageOf } from '../../src/flows/language.ts';
import { coreWith, sharedAzurite } from '../support/core-setup.ts';
import { baseRecords } from '../support/records.ts';

const azurite = sharedAzurite();
const NOW = Date.parse('2026-03-01T12:00:00Z');

const commandsOf = (messages: BotMessage[]) => {
  const help = messages[0];
  if (help?.kind !== 'help') throw new Error('not help');
  return help.commands.map((c) => c.command.split(' ')[0]);
};

describe('help per person and channel', () => {
  it('offers each role only what it may do, in the channel syntax', async () => {
    const { core } = await coreWith(azurite(), 'help', baseRecords(), NOW);
    const ask = async (person: string, channel: ChannelId) =>
      commandsOf(await handleCommand(core, person, 'help', { channel }));
    expect(await ask('f1', 'local')).toEqual(['taken', 'taal', 'help']);
    expect(await ask('rm1', 'teams')).toEqual([
      'scorecard',
      'sessie',
      'rapport',
      'aanvraag',
      'herselectie',
      'taken',
      'taal',
      'help',
    ]);
    expect(await ask('rm1', 'slack')).toEqual([
      '/scorecard',
      '/prestatiemonitor',
      '/prestatiemonitor',
      '/prestatiemonitor',
      'taken',
      'taal',
      'help',
    ]);
    expect(await ask('cm1', 'teams')).toEqual([
      'scorecard',
      'rapport',
      'lefdag',
      'overleg',
      'persoon',
      'wijzigingen',
      'alerts',
      'taken',
      'taal',
      'help',
    ]);
    expect(await ask('lt1', 'local')).toEqual([
      'scorecard',
      'enquete',
      'rapport',
      'lefdag',
      'alerts',
      'taken',
      'taal',
      'help',
    ]);
    expect(await ask('sc1', 'local')).toEqual([
      'scorecard',
      'reactie',
      'rapport',
      'facilitator',
      'taken',
      'taal',
      'help',
    ]);
    expect(await ask('f1', 'local')).toEqual(['taken', 'taal', 'help']); // a facilitator: no reply, no scorecard
    const slack = await handleCommand(core, 'cm1', 'help', { channel: 'slack' });
    expect(slack[0]?.kind === 'help' && slack[0].commands.map((c) => c.command)).toEqual(
      expect.arrayContaining(['/prestatiemonitor alerts-hier', '/prestatiemonitor persoon [naam]']),
    );
  });

  it('speaks English words after `language en`', async () => {
    const { core } = await coreWith(azurite(), 'lang', baseRecords(), NOW);
    const [reply] = await handleCommand(core, 'cm1', 'language en', { channel: 'teams' });
    expect(await languageOf(core, 'cm1')).toBe('en');
    expect(reply?.kind === 'notice' && reply.text.nl).toMatch(/English/);
    const help = await handleCommand(core, 'cm1', 'help', { channel: 'slack' });
    expect(help[0]?.kind === 'help' && help[0].commands[0]?.command).toBe('/scorecard [supplier] [period]');
    expect(commandsOf(help)).toContain('tasks');
    await expect(handleCommand(core, 'cm1', 'taal klingon', { channel: 'local' })).rejects.toThrow(UserError);
  });

  it("offers in Voorschoten's contract only its own commands, and refuses LEF's", async () => {
    const parsed = parseRecords(JSON.parse(readFileSync('examples/voorschoten-records.json', 'utf8')));
    if (!parsed.ok) throw new Error('the example does not validate');
    const { core } = await coreWith(azurite(), 'helpvve', parsed.records, Date.parse('2026-11-02T12:00:00Z'));
    const help = await handleCommand(core, 'gm1', 'help', { channel: 'local' });
    expect(commandsOf(help)).toEqual([
      'scorecard',
      'rapport',
      'overleg',
      'persoon',
      'wijzigingen',
      'alerts',
      'taken',
      'taal',
      'help',
    ]);
    // The example is the contract's own supplier and period.
    expect(help[0]?.kind === 'help' && help[0].commands[0]?.text.nl).toContain(
      'scorecard Voorschoten voor Elkaar 2026-Q4',
    );
    expect(commandsOf(await handleCommand(core, 'vc1', 'help', { channel: 'local' }))).not.toContain(
      'reactie',
    );
    for (const command of [
      'lefdag 2026-12-20',
      'sessie',
      'aanvraag vve 2026-11-02 2 x',
      'reactie A1 x',
      'enquete vve',
    ])
      await expect(handleCommand(core, 'gm1', command, { channel: 'local' })).rejects.toMatchObject({
        code: 'not-possible',
        detail: { nl: expect.stringContaining('hoort niet bij dit contract (Voorschoten voor Elkaar') },
      });
  });
});
