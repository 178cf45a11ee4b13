// Where Teams reaches each person: the conversation reference from the install or their first
// message, in the contract's Teams address book (see store/addresses.ts for the keys).
import type { ChannelAccount, ConversationReference } from '@microsoft/agents-activity';
import type { Lang } from '../../i18n.ts';
import { type Address, AddressBook } from '../../store/addresses.ts';
import type { TableStore } from '../../store/tables.ts';

export interface TeamsAddress extends Address {
  reference: ConversationReference;
  /** The Teams user id (29:…) and Entra object id, as the activity gave them. */
  userId: string;
  aadObjectId?: string;
  /** No longer written nor read: rows from before one-language-per-person may still carry it. */
  lang?: 'nl' | 'en';
}

export class TeamsAddressStore extends AddressBook<TeamsAddress, ConversationReference> {
  constructor(tables: TableStore, contract: string) {
    super(tables, contract, 'teams');
  }
}

/**
 * The language of whoever sent an activity, for an apology: the person's when the address book knows
 * them, else `fallback` (the activity's locale); also when the store that failed is the one asked.
 */
export async function senderLanguage(
  addresses: TeamsAddressStore,
  languageOf: ((person: string) => Promise<Lang>) | undefined,
  from: ChannelAccount | undefined,
  fallback: Lang,
): Promise<Lang> {
  try {
    const person = await addresses.personOf([from?.aadObjectId, from?.id]);
    return person && languageOf ? await languageOf(person) : fallback;
  } catch {
    return fallback;
  }
}
