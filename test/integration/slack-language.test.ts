// Slack in the person's language (users.info's locale), one lookup per new person, and
// alerts-hier only in a channel: signed requests against the running server and the Web API stand-in.
import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/clock.ts';
import { assignmentId } from '../../src/store/assignments.ts';
import { SLACK_USERS, slackBed } from '../support/slack-setup.ts';
import { interaction, viewSubmission } from '../support/slack-signed.ts';

const ALERTS = 'C0ALERTS';
const USERS = SLACK_USERS;
const SESSION = 'demo-2026-11-16';

const env = slackBed({
  secret: 'slack-signing-secret-for-language-tests',
  now: Date.parse('2026-11-16T15:00:00+01:00'),
  // Fenna's Slack is in American English, Rik's in Dutch; the records name no language for either.
  locales: { [USERS.carla]: 'en-US', [USERS.fenna]: 'en-US', [USERS.rik]: 'nl-NL' },
});
const { signed, command } = env;

const text = (value: unknown) => JSON.stringify(value);

describe('Slack, per person', () => {
  it('asks Slack about each new person once, however many of their requests arrive at once', async () => {
    const people = [USERS.fenna, USERS.rik, USERS.carla, USERS.sanne, 'U0NOBODY'];
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        signed(command(people[i % people.length] as string, '/scorecard', 'Facilitators 2026-H2')),
      ),
    );
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(env.slack.of('users.info').length).toBeLessThanOrEqual(5);
    expect(env.slack.of('users.info').every((c) => String(c.args.include_locale) === 'true')).toBe(true);
    expect(env.slack.of('users.lookupByEmail').length).toBeLessThanOrEqual(5);
    expect(env.slack.of('conversations.open').length).toBeLessThanOrEqual(5);
  });

  it("refuses alerts-hier in a DM with a reason in the person's language, and accepts it in a channel", async () => {
    const english = await signed(command(USERS.carla, '/prestatiemonitor', 'alerts-hier'));
    expect(text(english.body)).toContain('Alerts can only go to a channel');
    const dutch = await signed(command(USERS.rik, '/prestatiemonitor', 'alerts-hier'));
    expect(text(dutch.body)).toContain('Meldingen kunnen alleen naar een kanaal');
    expect(await env.bot.slack?.channel.addresses.alertChannel()).toBeUndefined();
    const set = await signed(command(USERS.carla, '/prestatiemonitor', 'alerts-hier', ALERTS));
    expect(text(set.body)).toContain('This channel now receives the alerts');
    expect(await env.bot.slack?.channel.addresses.alertChannel()).toEqual({ channel: ALERTS });
  });

  it('answers a user whose Slack locale is en-US in English', async () => {
    const reply = await signed(command(USERS.carla, '/scorecard', 'Facilitators 2026-H2'));
    const dutch = await signed(command(USERS.rik, '/scorecard', 'Facilitators 2026-H2'));
    expect(text(reply.body)).not.toEqual(text(dutch.body));
    expect(text(reply.body)).toMatch(/Scorecard/);
  });

  it('prompts the en-US user in English and the Dutch one in Dutch, at send time', async () => {
    env.clock.advance(2 * MINUTE);
    await env.bot.worker.runOnce();
    const dmTo = (user: string) =>
      text(env.slack.of('chat.postMessage').find((c) => c.args.channel === `D${user}`)?.args.blocks);
    expect(dmTo(USERS.fenna)).toContain('LEF session evaluation — facilitator');
    expect(dmTo(USERS.fenna)).toContain('"text":"Answer"');
    expect(dmTo(USERS.fenna)).not.toContain('Invullen');
    expect(dmTo(USERS.rik)).toContain('Evaluatie LEF-sessie — relatiemanager');
    expect(dmTo(USERS.rik)).toContain('"text":"Invullen"');
  });

  it('opens the evaluation modal in English for the en-US user and in Dutch for the Dutch one', async () => {
    const open = async (user: string, person: string, role: 'facilitator' | 'relationshipManager') => {
      const before = env.slack.of('views.open').length;
      const value = assignmentId({ session: SESSION, role, person });
      await signed(
        interaction({
          type: 'block_actions',
          user: { id: user },
          trigger_id: `trigger-${person}`,
          response_url: env.slack.responseUrl(`press-${person}`),
          actions: [{ type: 'button', action_id: 'evaluation_open', value }],
        }),
      );
      await expect.poll(() => env.slack.of('views.open').length).toBe(before + 1);
      return env.slack.of('views.open')[before]?.args.view as Modal;
    };
    const english = await open(USERS.fenna, 'fenna', 'facilitator');
    expect(english.title.text).toBe(EN.title);
    expect(english.submit.text).toBe(EN.submit);
    expect(english.close.text).toBe(EN.close);
    expect(labels(english)).toEqual(EN.labels);
    expect(options(english, 'lefApplied')).toEqual(EN.yesNo);

    const dutch = await open(USERS.rik, 'rik', 'relationshipManager');
    expect(dutch.title.text).toBe(NL.title);
    expect(dutch.submit.text).toBe(NL.submit);
    expect(dutch.close.text).toBe(NL.close);
    expect(labels(dutch)).toEqual(NL.labels);
    expect(options(dutch, 'lefApplied')).toEqual(['Ja', 'Nee']);
  });

  it("updates the en-US user's DM into an English summary after her answer", async () => {
    const updatesBefore = env.slack.of('chat.update').length;
    const assignment = assignmentId({ session: SESSION, role: 'facilitator', person: 'fenna' });
    const answered = await signed(
      viewSubmission(
        USERS.fenna,
        assignment,
        { lefApplied: 'yes', impact: 'yes' },
        { lefExplanation: 'The LEF approach was followed.', impactExplanation: 'Three next steps agreed.' },
      ),
    );
    expect(answered).toEqual({ status: 200, body: undefined });
    await env.bot.worker.runOnce();
    const update = env.slack.of('chat.update').slice(updatesBefore);
    expect(update.map((c) => c.args.channel)).toEqual([`D${USERS.fenna}`]);
    expect(text(update[0]?.args.blocks)).toContain('Thank you, your answers are saved');
    expect(text(update[0]?.args.blocks)).not.toContain('Bedankt');
  });
});

interface Modal {
  title: { text: string };
  submit: { text: string };
  close: { text: string };
  blocks: {
    type: string;
    block_id?: string;
    label?: { text: string };
    element?: { options?: { text: { text: string } }[] };
  }[];
}
const labels = (view: Modal) => view.blocks.filter((b) => b.type === 'input').map((b) => b.label?.text);
const options = (view: Modal, id: string) =>
  view.blocks.find((b) => b.block_id === id)?.element?.options?.map((o) => o.text.text);
const EN = {
  title: 'LEF session evaluation',
  submit: 'Submit',
  close: 'Cancel',
  labels: [
    'Was the LEF approach applied?',
    'Explain your answer',
    'Did this LEF session have impact, by reaching its goals or otherwise?',
    'Explain your answer: what was the impact?',
  ],
  yesNo: ['Yes', 'No'],
};
const NL = {
  title: 'Evaluatie LEF-sessie',
  submit: 'Versturen',
  close: 'Annuleren',
  labels: [
    'Is de LEF-aanpak toegepast?',
    'Licht je antwoord toe',
    'Heeft de opdrachtnemer de klantaanvraag teruggegeven (kon niet leveren)?',
    'Hoeveel passende facilitatoren stelde de opdrachtnemer voor (match op sessiedoelen en profielen)?',
    'Motiveer je registratie',
  ],
};
