// Who a Slack user is: the person of the records behind them (the address index, the records'
// slackId, or the e-mail users.info gives) and the language to answer them in (their locale, noted
// as observed, under the rule of flows/language.ts). Concurrent requests of a new user share one
// resolution, so 40 simultaneous commands by 5 people ask Slack about each of them once.
import type { Person } from '../../domain/records.ts';
import type { Core } from '../../flows/core.ts';
import { langOfLocale, languageOf, observeLanguage } from '../../flows/language.ts';
import { DEFAULT_LANG, type Lang } from '../../i18n.ts';
import type { SlackChannel, SlackSender } from './channel.ts';

export interface SlackWho {
  person?: Person;
  lang: Lang;
}

/** What users.info said about a Slack user: their locale and e-mail. */
export interface SlackInfo {
  lang?: Lang;
  email?: string;
}

/** `infos`: what users.info said per user (asked once per run), shared by every contract's lookup. */
export function slackPeople(
  core: Core,
  channel: SlackChannel,
  sender: SlackSender,
  infos = new Map<string, SlackInfo>(),
) {
  const inFlight = new Map<string, Promise<SlackWho>>();

  async function resolveWho(userId: string): Promise<SlackWho> {
    const view = await core.contractView();
    const known = await channel.addresses.personOf([userId]);
    let person = known ? view.people.get(known) : undefined;
    if (!person) person = [...view.people.values()].find((p) => p.slackId === userId);
    let info = infos.get(userId);
    if (!info) {
      const user = (await sender.userInfo(userId).catch(() => undefined))?.user;
      info = { lang: langOfLocale(user?.locale), email: user?.profile?.email?.toLowerCase() };
      infos.set(userId, info);
    }
    const { email, lang: locale } = info;
    if (!person && email) person = [...view.people.values()].find((p) => p.email?.toLowerCase() === email);
    if (!person) return { lang: locale ?? DEFAULT_LANG };
    if (!known) await channel.resolve(person.id); // keeps the address and the index
    await observeLanguage(core, person.id, locale);
    return { person, lang: await languageOf(core, person.id) };
  }

  function whoIs(userId: string): Promise<SlackWho> {
    const running = inFlight.get(userId);
    if (running) return running;
    const work = resolveWho(userId).finally(() => inFlight.delete(userId));
    inFlight.set(userId, work);
    return work;
  }

  return {
    whoIs,
    personOf: async (userId: string): Promise<Person | undefined> => (await whoIs(userId)).person,
  };
}
