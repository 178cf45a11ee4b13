// Several contracts in one bot: which contract a person's command or card action is for. A person
// is in a contract when its records know them (one person may be in two, matched by the channel
// on e-mail, Entra or Slack id). A command goes to the contract it names first
// (`voorschoten-2026 scorecard`), else to the one the person chose (`contract voorschoten-2026`),
// else to their only contract; with several and none chosen, the bot asks. A card action goes to
// the contract whose store holds its questionnaire or form. A contract the person is not in is
// refused with the same words whether it exists or not: nothing of another contract shows.
import type { BotMessage } from '../channels/channel.ts';
import { frameworkName } from '../domain/frameworks/index.ts';
import type { Person } from '../domain/records.ts';
import { UserError } from '../errors.ts';
import type { Lang } from '../i18n.ts';
import { parseAssignmentId } from '../store/assignments.ts';
import { key, keyPart, parseJson, type TableStore } from '../store/tables.ts';
import { t } from '../texts/index.ts';
import { TtlCache } from '../util/ttl-cache.ts';
import type { Core } from './core.ts';
import { languageOf } from './language.ts';
import { formExists } from './register-session.ts';

/** A person as one contract knows them. */
export interface Member {
  core: Core;
  person: Person;
}

/** Where a text goes: a command for one contract, or the desk's own answer (a choice, a question). */
export type TextRoute =
  | { kind: 'command'; member: Member; text: string }
  | { kind: 'reply'; message: BotMessage; lang: Lang };

const CHOICES = key('contract-choice');
const CHOICE_TTL_MS = 30_000;
const CONTRACT_WORDS = new Set(['contract', 'contracts', 'contracten']);

export class ContractDesk {
  private readonly byId = new Map<string, Core>();
  private readonly chosen = new TtlCache<string | null>(CHOICE_TTL_MS);

  constructor(
    readonly cores: readonly Core[],
    private readonly tables: TableStore,
  ) {
    for (const core of cores) this.byId.set(core.contract.toLowerCase(), core);
  }

  /** The first contract: the one the API and tests address when they name none. */
  get primary(): Core {
    return this.cores[0] as Core;
  }

  core(id: string | undefined): Core | undefined {
    return id === undefined ? this.primary : this.byId.get(id.toLowerCase());
  }

  /** The person behind a channel identity in each contract, by the channel's own matcher. */
  async members(find: (core: Core) => Promise<Person | undefined>): Promise<Member[]> {
    const found: Member[] = [];
    for (const core of this.cores) {
      const person = await find(core);
      if (person) found.push({ core, person });
    }
    return found;
  }

  /**
   * Where `text` from `identity` (a channel's user id, `slack|U123`) goes. Throws UserError for a
   * contract named that is not theirs; undefined when nobody knows them.
   */
  async route(identity: string, members: Member[], text: string): Promise<TextRoute | undefined> {
    const first = members[0];
    if (!first) return undefined;
    const lang = await languageOf(first.core, first.person.id);
    const words = text.trim().replace(/^\//, '').split(/\s+/).filter(Boolean);
    const [word = '', ...rest] = words;
    const own = (id: string) => members.find((m) => m.core.contract.toLowerCase() === id.toLowerCase());
    if (CONTRACT_WORDS.has(word.toLowerCase())) {
      const named = rest[0];
      if (named === undefined) return { kind: 'reply', lang, message: await this.listing(identity, members) };
      const member = own(named);
      if (!member) throw new UserError('unknown-contract', {}, { nl: named, en: named });
      await this.choose(identity, member.core.contract);
      const name = await contractName(member.core, lang);
      return {
        kind: 'reply',
        lang,
        message: notice('good', (l) => t(l, 'contracts.chosen', { id: member.core.contract, name })),
      };
    }
    const ids = members.map((m) => m.core.contract);
    if (named(word, ids)) {
      const member = own(word);
      if (!member) throw new UserError('unknown-contract', {}, { nl: word, en: word });
      return { kind: 'command', member, text: rest.join(' ') || 'help' };
    }
    // After the command word too: `scorecard voorschoten-2026 vve` (Slack's /scorecard puts it there).
    const second = rest[0];
    if (second !== undefined && named(second, ids)) {
      const member = own(second);
      if (!member) throw new UserError('unknown-contract', {}, { nl: second, en: second });
      return { kind: 'command', member, text: [word, ...rest.slice(1)].join(' ') };
    }
    if (members.length === 1) return { kind: 'command', member: first, text };
    const choice = await this.choiceOf(identity);
    const member = choice === undefined ? undefined : own(choice);
    if (member) return { kind: 'command', member, text };
    return { kind: 'reply', lang, message: await this.question(members, words.join(' ') || 'scorecard') };
  }

  /**
   * A command typed on the local page, which has chosen its contract: that contract named first is
   * dropped, another is refused as one not theirs, and `contract` says the page's select chooses.
   */
  async forPage(core: Core, text: string): Promise<{ text: string } | { message: BotMessage }> {
    const [word = '', ...rest] = text.trim().replace(/^\//, '').split(/\s+/).filter(Boolean);
    if (CONTRACT_WORDS.has(word.toLowerCase())) {
      const name = await contractName(core, 'nl');
      const nameEn = await contractName(core, 'en');
      return {
        message: {
          kind: 'notice',
          tone: 'good',
          text: {
            nl: t('nl', 'contracts.page', { id: core.contract, name }),
            en: t('en', 'contracts.page', { id: core.contract, name: nameEn }),
          },
        },
      };
    }
    if (named(word, [core.contract])) {
      if (word.toLowerCase() !== core.contract.toLowerCase())
        throw new UserError('unknown-contract', {}, { nl: word, en: word });
      return { text: rest.join(' ') || 'help' };
    }
    return { text };
  }

  /**
   * The contract of a card action: the one it names (a card sent by this bot names its contract),
   * if the person is in it; else (an older card) the one whose store holds its questionnaire or form.
   */
  async forAction(
    members: Member[],
    data: { assignmentId?: unknown; formId?: unknown; contract?: unknown },
  ): Promise<Member | undefined> {
    if (typeof data.contract === 'string')
      return members.find((m) => m.core.contract === data.contract) ?? members[0];
    if (members.length <= 1) return members[0];
    if (typeof data.assignmentId === 'string') {
      const ref = parseAssignmentId(data.assignmentId);
      for (const member of members) {
        if (
          ref &&
          ref.person === member.person.id &&
          (await member.core.assignments.find(member.core.contract, ref))
        )
          return member;
      }
    }
    if (typeof data.formId === 'string') {
      for (const member of members) if (await formExists(member.core, data.formId)) return member;
    }
    return members[0];
  }

  private async listing(identity: string, members: Member[]): Promise<BotMessage> {
    const items = await Promise.all(members.map((m) => describe(m.core)));
    const choice = await this.choiceOf(identity);
    const chosen = members.find((m) => m.core.contract === choice)?.core.contract;
    return notice('good', (l) =>
      [
        t(l, 'contracts.list', { count: members.length, list: items.map((i) => i(l)).join(', ') }),
        ...(chosen && members.length > 1 ? [t(l, 'contracts.chosenNote', { id: chosen })] : []),
      ].join(' '),
    );
  }

  private async question(members: Member[], command: string): Promise<BotMessage> {
    const items = await Promise.all(members.map((m) => describe(m.core)));
    const id = (members[1] ?? members[0])?.core.contract ?? '';
    return notice('attention', (l) =>
      t(l, 'contracts.ask', { list: items.map((i) => i(l)).join(', '), example: `${id} ${command}`, id }),
    );
  }

  private async choiceOf(identity: string): Promise<string | undefined> {
    const known = this.chosen.get(identity);
    if (known !== undefined) return known ?? undefined;
    const row = await this.tables.get('addresses', CHOICES, keyPart(identity));
    const value = row ? parseJson<{ contract?: string }>(row).contract : undefined;
    this.chosen.set(identity, value ?? null);
    return value;
  }

  private async choose(identity: string, contract: string): Promise<void> {
    await this.tables.upsert('addresses', {
      partitionKey: CHOICES,
      rowKey: keyPart(identity),
      json: JSON.stringify({ contract }),
    });
    this.chosen.set(identity, contract);
  }
}

/**
 * Whether a word names a contract: one of `own` (the person's), or one shaped like a contract id
 * (`lef-2026`), served or not, so that either is refused in the same words; a contract of another
 * shape that the person is not in is an unknown command, as any word is.
 */
function named(word: string, own: readonly string[]): boolean {
  const lower = word.toLowerCase();
  return own.some((id) => id.toLowerCase() === lower) || looksLikeContract(word);
}

/** A word shaped like a contract id (`lef-2026`): refused as unknown rather than taken as a command. */
const looksLikeContract = (word: string) => /^[a-z][a-z0-9]*(-[a-z0-9]+)*-\d{4}$/i.test(word);

async function contractName(core: Core, lang: Lang): Promise<string> {
  const view = await core.contractView();
  return frameworkName(view.contract.framework, lang) ?? view.contract.id;
}

async function describe(core: Core): Promise<(lang: Lang) => string> {
  const view = await core.contractView();
  return (lang) =>
    t(lang, 'contracts.item', {
      id: core.contract,
      name: frameworkName(view.contract.framework, lang) ?? '',
    });
}

function notice(tone: 'good' | 'attention', text: (lang: Lang) => string): BotMessage {
  return { kind: 'notice', tone, text: { nl: text('nl'), en: text('en') } };
}
