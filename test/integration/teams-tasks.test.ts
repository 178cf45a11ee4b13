// Open questionnaires on Teams are always reachable: the `taken` card has an "Openen" button per
// task that answers with the questionnaire as it stands, a new install brings the tasks already
// sent, the bot added to a team gets its own welcome, and an unexpected error is apologised for in
// the person's chosen language. Real Bot Framework activities to /api/messages, a connector stand-in.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MINUTE } from '../../src/clock.ts';
import { assignmentId } from '../../src/store/assignments.ts';
import {
  actions,
  elements,
  execute,
  install,
  installationUpdate,
  invokeCard,
  message,
  post,
  startTeamsBot,
  type TeamsHarness,
  type TeamsUser,
  teamInstall,
  teamsUser,
} from '../support/teams.ts';

const NOW = Date.parse('2026-11-16T15:00:00+01:00');
const TEAM = '19:lef-team@thread.tacv2';
const FENNA = assignmentId({ session: 'demo-2026-11-16', role: 'facilitator', person: 'fenna' });

let run: TeamsHarness;
let fenna: TeamsUser;
let carla: TeamsUser;

beforeAll(async () => {
  run = await startTeamsBot(NOW);
  fenna = teamsUser(run.connector, 'Fenna de Vries', 'fenna@facilitatorsbv.nl');
  carla = teamsUser(run.connector, 'Carla Meijer', 'carla.meijer@rws.nl');
  await post(run.bot.url, install(run.connector, fenna));
  run.clock.advance(2 * MINUTE); // the demo session ended two minutes after start-up
  await run.bot.worker.runOnce();
});
afterAll(async () => {
  await run?.bot.close();
  await run?.connector.stop();
});

const text = (card: unknown) => JSON.stringify(card);
const inputIds = (card: unknown) =>
  elements(card)
    .filter((e) => String(e.type).startsWith('Input.'))
    .map((e) => e.id);

describe('Teams, the open tasks', () => {
  it('lists the tasks with an Openen button each, which answers with the questionnaire', async () => {
    run.connector.clear();
    await post(run.bot.url, message(run.connector, fenna, 'taken'));
    const [list] = run.connector.sentTo(fenna.personal);
    expect(text(list?.card)).toContain('Je open vragenlijsten');
    const open = actions(list?.card).filter((a) => a.verb === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ type: 'Action.Execute', title: 'Openen', data: { assignmentId: FENNA } });

    const card = invokeCard(
      await post(run.bot.url, execute(run.connector, fenna, 'open', { assignmentId: FENNA })),
    );
    expect(text(card)).toContain('Evaluatie LEF-sessie — facilitator');
    expect(inputIds(card)).toContain('lefExplanation');
    expect(actions(card).some((a) => a.verb === 'submit')).toBe(true);
  });

  it('answers "Annuleren" with the questionnaire as it stands', async () => {
    const card = invokeCard(
      await post(run.bot.url, execute(run.connector, fenna, 'cancel', { assignmentId: FENNA })),
    );
    expect(text(card)).toContain('Evaluatie LEF-sessie — facilitator');
    expect(inputIds(card)).toContain('lefExplanation'); // still unanswered: still the form
  });

  it('brings the open task with a new installationUpdate, after one welcome in her language', async () => {
    run.clock.advance(30 * MINUTE);
    run.connector.clear();
    const reinstall = installationUpdate(run.connector, fenna);
    await post(run.bot.url, reinstall);
    await post(run.bot.url, install(run.connector, fenna)); // the conversationUpdate of the same install
    const sent = run.connector.sentTo(fenna.personal).map((r) => text(r.card));
    expect(sent).toHaveLength(2);
    // The install's en-US is not her doing: Dutch, as her own messages.
    expect(sent[0]).toContain('Hallo Fenna de Vries');
    expect(sent[1]).toContain('"verb":"open"');
    expect(sent[1]).toContain(`"assignmentId":"${FENNA}"`);
  });

  it('welcomes a team with its own text, not the help of nobody', async () => {
    await post(run.bot.url, teamInstall(run.connector, carla, TEAM));
    const [welcome] = run.connector.sentTo(TEAM);
    expect(text(welcome?.card)).toContain('Hallo allemaal');
    expect(text(welcome?.card)).toContain('alerts hier');
    expect(text(welcome?.card)).not.toContain('Dit kan ik voor je doen');
  });

  it('apologises for an unexpected error in the language the person chose, not the locale', async () => {
    await post(run.bot.url, message(run.connector, fenna, 'taal en'));
    run.connector.clear();
    const broken = vi
      .spyOn(run.bot.core.assignments, 'openFor')
      .mockRejectedValueOnce(new Error('disk on fire'));
    await post(run.bot.url, message(run.connector, fenna, 'taken', { locale: 'nl-NL' }));
    broken.mockRestore();
    const [apology] = run.connector.sentTo(fenna.personal);
    expect(text(apology?.card)).toContain('Something went wrong on our side');
    expect(text(apology?.card)).not.toContain('Er ging iets mis');
  });
});
