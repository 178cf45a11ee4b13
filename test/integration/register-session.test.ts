// Registering a session in chat, over real HTTP: the local channel's routes and real Teams activities
// (the connector a local stand-in). Session ids are made by the server, a form is bound to the person
// it was given to, a relationship manager changes only their own sessions, and a double click or a
// lost message id shows the stored result instead of a 500. Also the evaluation form's double click.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, MINUTE } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { type Bot, startBot } from '../../src/main.ts';
import { assignmentId } from '../../src/store/assignments.ts';
import { ConnectorStandIn } from '../support/connector.ts';
import { execute, message, post, type TeamsUser, teamsUser } from '../support/teams.ts';

const NOW = Date.parse('2026-11-16T15:00:00+01:00');
const CONTRACT = 'lef-2026';
const KEY = 'planning-key-0123456789';
const DEMO_SESSION = 'demo-2026-11-16';

let bot: Bot;
let connector: ConnectorStandIn;
const clock = new ManualClock(NOW);
const logs: string[] = [];
const users: Record<string, TeamsUser> = {};

beforeAll(async () => {
  connector = await new ConnectorStandIn().start();
  bot = await startBot({
    config: loadConfig({ PORT: '0', API_KEY: KEY }),
    clock,
    inMemory: true,
    startWorker: false,
    log: (line) => logs.push(line),
    teams: { sleep: async (ms) => clock.advance(ms) },
  });
  users.rik = teamsUser(connector, 'Rik Hendriks', 'rik.hendriks@rws.nl');
  users.eva = teamsUser(connector, 'Eva Dekker', 'eva.dekker@rws.nl');
  users.iris = teamsUser(connector, 'Iris van Dijk', 'iris.vandijk@rws.nl');
  // The demo session has just ended: its questionnaires go out (to the local channel: nobody is on Teams).
  clock.advance(MINUTE);
  await bot.worker.runOnce();
});
afterAll(async () => {
  await bot?.close();
  await connector?.stop();
});

type Json = Record<string, unknown>;

async function local(path: string, body?: unknown, lang = 'nl'): Promise<{ status: number; body: Json }> {
  const response = await fetch(new URL(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`, bot.url), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

/** LEF's planning system posting a session. */
async function planned(session: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(new URL('api/sessions?contract=lef-2026', bot.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify(session),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

const text = (card: unknown) => JSON.stringify(card);

/** The form's token, from the data of its Registreren action. */
function formIdOf(card: unknown): string {
  const formId = /"formId":"([^"]+)"/.exec(text(card))?.[1];
  if (!formId) throw new Error(`no form in ${text(card).slice(0, 200)}`);
  return formId;
}

/** Types `sessie` in the local channel: the form's token and the id of the message that shows it. */
async function localForm(person: string): Promise<{ formId: string; messageId: string }> {
  const answer = await local('/local/api/command', { person, text: 'sessie' });
  expect(answer.status).toBe(200);
  const formId = formIdOf(answer.body.replies);
  const conversation = await local(`/local/api/conversation?person=${person}`);
  const messages = conversation.body.messages as { id: string; card?: unknown }[];
  const shown = messages.find((m) => m.card && text(m.card).includes(formId));
  if (!shown) throw new Error('the form is not in the conversation');
  return { formId, messageId: shown.id };
}

const inputs = (date: string, extra: Json = {}) => ({
  supplier: 'fbv',
  date,
  startTime: '09:00',
  endTime: '11:30',
  facilitators: 'fenna,joris',
  internalClient: 'iris',
  ...extra,
});

function register(person: string, form: { formId: string; messageId: string }, values: Json) {
  return local('/local/api/action', { person, verb: 'register-session', ...form, inputs: values });
}

const sessionIdIn = (card: unknown) => /Sessie (\S+) is/.exec(text(card))?.[1] ?? '';

async function sessionsOn(date: string) {
  const records = await bot.store.records.exportRecords(CONTRACT);
  return records.sessions.filter((s) => s.start.startsWith(date));
}

async function openItems(session: string) {
  return (await bot.core.outbox.pending()).filter(
    (i) => i.kind === 'open-evaluation' && (i.payload as { session: string }).session === session,
  );
}

describe('registering a session in the local channel', () => {
  it('shows one result for a double click on Registreren (or ten at once): all 2xx, one session, one evaluation scheduled', async () => {
    // Several double clicks, so that the race between the two submits shows on every run.
    for (const date of ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']) {
      const form = await localForm('rik');
      const answers = await Promise.all([
        register('rik', form, inputs(date)),
        register('rik', form, inputs(date)),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      for (const answer of answers) expect(text(answer.body.card)).toContain('is geregistreerd');
      const [first, second] = answers.map((a) => sessionIdIn(a.body.card));
      expect(first).toMatch(/^ses-/);
      expect(second).toBe(first);
      const stored = await sessionsOn(date);
      expect(stored).toMatchObject([
        { id: first, relationshipManager: 'rik', facilitators: ['fenna', 'joris'] },
      ]);
      expect(await openItems(first as string)).toHaveLength(1);
      // The form in the conversation became the result.
      const messages = (await local('/local/api/conversation?person=rik')).body.messages as { id: string }[];
      expect(text(messages.find((m) => m.id === form.messageId))).toContain('is geregistreerd');
    }
    // Racing writes are retried: ten identical submits at once all show the one stored session.
    const form = await localForm('rik');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => register('rik', form, inputs('2026-12-07'))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((a) => sessionIdIn(a.body.card))).size).toBe(1);
    expect(await sessionsOn('2026-12-07')).toHaveLength(1);
    expect(logs.filter((l) => l.includes('/local/api/action'))).toEqual([]);
  });

  it('answers with the stored result when the message id is unknown or lost, and registers once', async () => {
    const { formId } = await localForm('rik');
    const lost = await register('rik', { formId, messageId: 'lost-message' }, inputs('2026-12-08'));
    expect(lost.status).toBe(200);
    expect(text(lost.body.card)).toContain('is geregistreerd');
    const again = await register('rik', { formId, messageId: 'another-lost-one' }, inputs('2026-12-08'));
    expect(again.status).toBe(200);
    expect(sessionIdIn(again.body.card)).toBe(sessionIdIn(lost.body.card));
    const stored = await sessionsOn('2026-12-08');
    expect(stored.map((s) => s.id)).toEqual([sessionIdIn(lost.body.card)]);
    expect(await openItems(stored[0]?.id as string)).toHaveLength(1);
  });

  it('binds a form to whom it was given: another relationship manager cannot submit it or take over the session', async () => {
    const form = await localForm('rik');
    const mine = await register('rik', form, inputs('2026-12-09'));
    expect(mine.status).toBe(200);
    const before = await sessionsOn('2026-12-09');

    const taken = await register('eva', form, inputs('2026-12-09', { facilitators: 'amira' }));
    expect(taken.status).toBe(403);
    expect(taken.body.error).toBe(
      'Dit formulier is aan iemand anders gegeven; typ "sessie" voor je eigen formulier.',
    );
    const english = await local(
      '/local/api/action',
      { person: 'eva', verb: 'register-session', ...form, inputs: inputs('2026-12-09') },
      'en',
    );
    expect(english.body.error).toBe(
      'This form was given to someone else; type "session" for a form of your own.',
    );
    expect(await sessionsOn('2026-12-09')).toEqual(before);
    expect(before).toMatchObject([{ relationshipManager: 'rik', facilitators: ['fenna', 'joris'] }]);
  });

  it('makes session ids on the server: a form id the bot never handed out registers nothing', async () => {
    for (const formId of ['form-abc', 'x'.repeat(22), '../../etc']) {
      const made = await register('rik', { formId, messageId: 'm' }, inputs('2026-12-10'));
      expect(made.status).toBe(404);
      expect(made.body.error).toContain('Dit formulier ken ik niet');
    }
    expect(await sessionsOn('2026-12-10')).toEqual([]);
    // Two forms on one day are two sessions, each with an id of the server's making.
    const ids = [];
    for (const _ of [1, 2]) {
      const answer = await register('rik', await localForm('rik'), inputs('2026-12-10'));
      ids.push(sessionIdIn(answer.body.card));
    }
    expect(new Set(ids).size).toBe(2);
    expect((await sessionsOn('2026-12-10')).map((s) => s.id).sort()).toEqual([...ids].sort());

    // A form sent back for a missing field keeps its token and what was typed, and stores nothing.
    const form = await localForm('rik');
    const answer = await register('rik', form, inputs('2026-12-14', { internalClient: '' }));
    expect(answer.status).toBe(422);
    expect(formIdOf(answer.body.card)).toBe(form.formId);
    expect(text(answer.body.card)).toContain('Kies de intern opdrachtgever (verplicht).');
    expect(text(answer.body.card)).toContain('fenna,joris');
    expect(await sessionsOn('2026-12-14')).toEqual([]);
    expect((await register('rik', form, inputs('2026-12-14'))).status).toBe(200);
  });

  it('answers a submit with three problems with all three, by name, in Dutch and English, and stores nothing', async () => {
    const form = await localForm('rik');
    const bad = inputs('2026-12-12', { facilitators: 'fenna,bram', endTime: '08:00', internalClient: '' });
    const dutch = await register('rik', form, bad);
    expect(dutch.status).toBe(422);
    const nl = text(dutch.body.card);
    expect(nl).toContain('Facilitator \\"Bram Smit\\" hoort niet bij opdrachtnemer \\"Facilitators BV\\".');
    expect(nl).toContain('De eindtijd (08:00) moet na de begintijd (09:00) liggen.');
    expect(nl).toContain('Kies de intern opdrachtgever (verplicht).');
    expect(nl).not.toContain('\\"bram\\"');
    expect(dutch.body.error).toBe('3 velden zijn niet goed ingevuld; zie de opmerkingen bij het veld.');
    const english = await local(
      '/local/api/action',
      { person: 'rik', verb: 'register-session', ...form, inputs: bad },
      'en',
    );
    const en = text(english.body.card);
    expect(en).toContain('Facilitator \\"Bram Smit\\" does not belong to supplier \\"Facilitators BV\\".');
    expect(en).toContain('The end time (08:00) must be after the start time (09:00).');
    expect(en).toContain('Choose the internal client (required).');
    expect(await sessionsOn('2026-12-12')).toEqual([]);

    const fixed = await register('rik', form, inputs('2026-12-12'));
    expect(fixed.status).toBe(200);
    expect(text(fixed.body.card)).toContain('is geregistreerd');
    expect(await sessionsOn('2026-12-12')).toMatchObject([
      { facilitators: ['fenna', 'joris'], internalClient: 'iris' },
    ]);
  });

  it('lets a relationship manager change their own session, and no longer once it is someone else’s', async () => {
    const form = await localForm('rik');
    const id = sessionIdIn((await register('rik', form, inputs('2026-12-11'))).body.card);
    const moved = await register('rik', form, inputs('2026-12-11', { endTime: '12:00' }));
    expect(moved.status).toBe(200);
    expect(text(moved.body.card)).toContain(`Sessie ${id} is bijgewerkt`);
    expect(await sessionsOn('2026-12-11')).toMatchObject([{ id, end: '2026-12-11T12:00:00+01:00' }]);

    // The planning system hands the session to Eva: Rik's form no longer changes it.
    const [stored] = await sessionsOn('2026-12-11');
    expect((await planned({ ...stored, relationshipManager: 'eva' })).status).toBe(200);
    const refused = await register('rik', form, inputs('2026-12-11', { facilitators: 'amira' }));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe(
      'Deze sessie heeft een andere relatiemanager; je kunt alleen je eigen sessies wijzigen.',
    );
    expect(await sessionsOn('2026-12-11')).toMatchObject([
      { id, relationshipManager: 'eva', facilitators: ['fenna', 'joris'] },
    ]);
  });
});

describe('registering a session through the API', () => {
  it('retries a racing write: the same session posted three times at once is created once, never a 500', async () => {
    const session = {
      id: 'planning-race',
      supplier: 'pco',
      start: '2026-12-21T09:00:00+01:00',
      end: '2026-12-21T12:00:00+01:00',
      facilitators: ['pieter'],
      relationshipManager: 'eva',
      internalClient: 'yara',
    };
    const answers = await Promise.all([planned(session), planned(session), planned(session)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(answers.map((a) => a.body.outcome).sort()).toEqual(['created', 'unchanged', 'unchanged']);
    expect(await sessionsOn('2026-12-21')).toEqual([session]);
    expect(await openItems(session.id)).toHaveLength(1);
  });
});

describe('the evaluation form in the local channel', () => {
  const fenna = assignmentId({ session: DEMO_SESSION, role: 'facilitator', person: 'fenna' });
  const answers = {
    lefApplied: 'yes',
    lefExplanation: 'De LEF-aanpak is gevolgd.',
    impact: 'yes',
    impactExplanation: 'Drie vervolgstappen vastgelegd.',
  };

  async function prompt(): Promise<string> {
    const messages = (await local('/local/api/conversation?person=fenna')).body.messages as {
      id: string;
      card?: unknown;
    }[];
    const found = messages.find((m) => text(m.card).includes(fenna));
    if (!found) throw new Error('no questionnaire for fenna');
    return found.id;
  }
  const act = (verb: string, messageId: string, values: Json = {}) =>
    local('/local/api/action', { person: 'fenna', verb, messageId, assignmentId: fenna, inputs: values });

  it('shows one result for a double click on Versturen and on Wijzigen, and stores one answer', async () => {
    const messageId = await prompt();
    const sent = await Promise.all([act('submit', messageId, answers), act('submit', messageId, answers)]);
    expect(sent.map((a) => a.status)).toEqual([200, 200]);
    for (const answer of sent)
      expect(text(answer.body.card)).toContain('Bedankt, je antwoorden zijn opgeslagen');
    const records = await bot.store.records.exportRecords(CONTRACT);
    expect(
      records.evaluations.filter((e) => e.session === DEMO_SESSION && e.respondent === 'fenna'),
    ).toHaveLength(1);

    const edits = await Promise.all([act('edit', messageId), act('edit', messageId)]);
    expect(edits.map((a) => a.status)).toEqual([200, 200]);
    for (const edit of edits) expect(text(edit.body.card)).toContain(answers.lefExplanation);
    const lost = await act('edit', 'lost-message');
    expect(lost.status).toBe(200);
    expect(text(lost.body.card)).toContain(answers.lefExplanation);
  });

  it('keeps the summary in the conversation after "Wijzigen" and a resubmit of the same answers', async () => {
    const messageId = await prompt();
    const shown = async () => {
      const messages = (await local('/local/api/conversation?person=fenna')).body.messages as {
        id: string;
        card?: unknown;
      }[];
      return text(messages.find((m) => m.id === messageId)?.card);
    };
    expect((await act('submit', messageId, answers)).status).toBe(200);
    expect((await act('edit', messageId)).status).toBe(200);
    expect(await shown()).not.toContain('Bedankt, je antwoorden zijn opgeslagen');
    expect((await act('submit', messageId, answers)).status).toBe(200);
    // Nothing changed, so the outbox refreshes nothing: the conversation itself shows the summary.
    expect(await shown()).toContain('Bedankt, je antwoorden zijn opgeslagen');
  });
});

describe('registering a session in Teams', () => {
  async function teamsForm(user: TeamsUser): Promise<string> {
    const before = connector.requests.length;
    await post(bot.url, message(connector, user, 'sessie'));
    const sent = connector.requests.slice(before).filter((r) => r.conversation === user.personal && r.card);
    return formIdOf(sent.at(-1)?.card);
  }
  const click = (user: TeamsUser, formId: string, values: Json) =>
    post(bot.url, execute(connector, user, 'register-session', { formId, ...values }));
  function cardOf(response: { status: number; body: unknown }) {
    expect(response.status).toBe(200);
    const body = response.body as { statusCode: number; value: unknown };
    expect(body.statusCode).toBe(200);
    return body.value;
  }

  it('shows one result for a double click on either form: one session and one evaluation scheduled, one answer stored', async () => {
    for (const date of ['2026-12-15', '2026-12-16', '2026-12-17']) {
      const formId = await teamsForm(user('rik'));
      const cards = (
        await Promise.all([
          click(user('rik'), formId, inputs(date)),
          click(user('rik'), formId, inputs(date)),
        ])
      ).map(cardOf);
      for (const card of cards) expect(text(card)).toContain('is geregistreerd');
      const id = sessionIdIn(cards[0]);
      expect(sessionIdIn(cards[1])).toBe(id);
      expect(await sessionsOn(date)).toMatchObject([{ id, relationshipManager: 'rik' }]);
      expect(await openItems(id)).toHaveLength(1);
    }

    // The questionnaire's Versturen, clicked twice at once.
    const iris = assignmentId({ session: DEMO_SESSION, role: 'internalClient', person: 'iris' });
    const values = { assignmentId: iris, impact: 'yes', impactExplanation: 'Het doel is gehaald.' };
    const cards = (
      await Promise.all([
        post(bot.url, execute(connector, user('iris'), 'submit', values)),
        post(bot.url, execute(connector, user('iris'), 'submit', values)),
      ])
    ).map(cardOf);
    for (const card of cards) expect(text(card)).toContain('Bedankt, je antwoorden zijn opgeslagen');
    const records = await bot.store.records.exportRecords(CONTRACT);
    expect(
      records.evaluations.filter((e) => e.session === DEMO_SESSION && e.respondent === 'iris'),
    ).toHaveLength(1);
  });

  it("refuses Rik's form to Eva and changes nothing", async () => {
    const formId = await teamsForm(user('rik'));
    cardOf(await click(user('rik'), formId, inputs('2026-12-18')));
    const before = await sessionsOn('2026-12-18');
    const card = cardOf(await click(user('eva'), formId, inputs('2026-12-18', { facilitators: 'amira' })));
    expect(text(card)).toContain('Dit formulier is aan iemand anders gegeven');
    expect(await sessionsOn('2026-12-18')).toEqual(before);
  });
});

function user(name: string): TeamsUser {
  return users[name] as TeamsUser;
}
