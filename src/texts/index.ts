// The one catalogue of the texts a person reads, in Dutch and English, in ICU message syntax
// (plurals, ordinals, selects) formatted by intl-messageformat. Each area keeps its texts in its own
// file; a key names its area ("card.submit"). Flows and channels never spell a sentence themselves:
// they name a key and its values.
import { IntlMessageFormat } from 'intl-messageformat';
import { type Lang, LOCALES } from '../i18n.ts';
import type { Text } from '../questionnaires/types.ts';
import { ALERT_TEXTS } from './alerts.ts';
import { AUDIT_TEXTS } from './audit.ts';
import { CARD_TEXTS } from './cards.ts';
import { CLI_TEXTS } from './cli.ts';
import { COMMAND_TEXTS } from './commands.ts';
import { COMMON_TEXTS } from './common.ts';
import { CONTRACT_TEXTS } from './contracts.ts';
import { FIGURES_TEXTS } from './figures.ts';
import { LEF_DAY_TEXTS } from './lef-days.ts';
import { LOCAL_TEXTS } from './local.ts';
import { MEETING_TEXTS } from './meetings.ts';
import { PEOPLE_TEXTS } from './people.ts';
import { QUESTIONNAIRE_TEXTS } from './questionnaire.ts';
import { RECOVERY_TEXTS } from './recovery.ts';
import { REPORT_TEXTS } from './report.ts';
import { REPORT_DELIVERY_TEXTS } from './report-delivery.ts';
import { REQUEST_TEXTS } from './requests.ts';
import { SCORECARD_TEXTS } from './scorecard.ts';
import { SESSION_TEXTS } from './sessions.ts';
import { SLACK_TEXTS } from './slack.ts';
import { SOCIAL_RETURN_TEXTS } from './social-return.ts';
import { SURVEY_TEXTS } from './surveys.ts';
import { TASK_TEXTS } from './tasks.ts';
import { TEAMS_TEXTS } from './teams.ts';

export type Entry = Readonly<Record<Lang, string>>;
export type Catalogue = Readonly<Record<string, Entry>>;

const CATALOGUE = {
  ...COMMON_TEXTS,
  ...CARD_TEXTS,
  ...SCORECARD_TEXTS,
  ...ALERT_TEXTS,
  ...RECOVERY_TEXTS,
  ...LEF_DAY_TEXTS,
  ...MEETING_TEXTS,
  ...REQUEST_TEXTS,
  ...AUDIT_TEXTS,
  ...SOCIAL_RETURN_TEXTS,
  ...PEOPLE_TEXTS,
  ...REPORT_TEXTS,
  ...REPORT_DELIVERY_TEXTS,
  ...SESSION_TEXTS,
  ...COMMAND_TEXTS,
  ...TASK_TEXTS,
  ...QUESTIONNAIRE_TEXTS,
  ...SURVEY_TEXTS,
  ...TEAMS_TEXTS,
  ...CONTRACT_TEXTS,
  ...FIGURES_TEXTS,
  ...SLACK_TEXTS,
  ...LOCAL_TEXTS,
  ...CLI_TEXTS,
} as const satisfies Catalogue;

export type TextKey = keyof typeof CATALOGUE;
export type TextValues = Record<string, string | number>;

const compiled = new Map<string, IntlMessageFormat>();

/** The text of `key` in `lang`, its {placeholders} filled; numbers follow the language's plural rules. */
export function t(lang: Lang, key: TextKey, values: TextValues = {}): string {
  const id = `${lang}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(CATALOGUE[key][lang], LOCALES[lang], undefined, { ignoreTag: true });
    compiled.set(id, format);
  }
  return String(format.format(values));
}

/** The text in both languages, for a neutral message that each channel renders in its reader's language. */
export function both(key: TextKey, values: TextValues = {}): Text {
  return { nl: t('nl', key, values), en: t('en', key, values) };
}

/** A text in both languages whose values depend on the language (a date, a period written out). */
export function bothOf(key: TextKey, values: (lang: Lang) => TextValues): Text {
  return { nl: t('nl', key, values('nl')), en: t('en', key, values('en')) };
}

/** Every key, for the tests that check each text exists and formats in both languages. */
export function textKeys(): TextKey[] {
  return Object.keys(CATALOGUE) as TextKey[];
}
