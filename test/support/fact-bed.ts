// What a test of a fact asked in chat (social return, a progress report) does with its core: run the
// outbox, move to a moment and run that day's job, read a person's cards and notices, answer a card.
import type { BotMessage } from '../../src/channels/channel.ts';
import type { QuestionnaireMessage } from '../../src/channels/questionnaire-view.ts';
import { recomputeDaily } from '../../src/flows/daily.ts';
import { submitAnswers } from '../../src/flows/evaluations.ts';
import type { coreWith } from './core-setup.ts';

type Notice = Extract<BotMessage, { kind: 'notice' }>;

export function factBed({ core, clock, worker, conversations }: Awaited<ReturnType<typeof coreWith>>) {
  const run = async () => {
    for (let i = 0; i < 3; i++) await worker.runOnce();
  };
  /** At `iso`: the day's job (what is due is asked), and what it queued. */
  const at = async (iso: string) => {
    clock.set(Date.parse(iso));
    await recomputeDaily(core, { day: iso.slice(0, 10) });
    await run();
  };
  const messages = async (person: string) => (await conversations.list(person)).map((m) => m.message);
  const cards = async (person: string, set?: string) =>
    (await messages(person)).filter(
      (m): m is QuestionnaireMessage => m.kind === 'questionnaire' && (!set || m.set.id === set),
    );
  const notices = async (person: string) =>
    (await messages(person)).filter((m): m is Notice => m.kind === 'notice').map((m) => m.text.nl);
  const answer = async (person: string, id: string, answers: Record<string, string>) => {
    const result = await submitAnswers(core, person, id, answers);
    await run();
    return result.message as QuestionnaireMessage;
  };
  return { run, at, cards, notices, answer };
}
