// Validates a records document and names every wrong field by its path, in Dutch or English:
// `sessions[3].end: expected an ISO date-time`.
import type { z } from 'zod';
import type { Lang } from '../i18n.ts';
import { checkReferences, EVALUATION_ROLES, type Records, RecordsShape, type RefProblem } from './records.ts';

export interface ValidationIssue {
  path: string;
  text: Record<Lang, string>;
}

export type ParseResult = { ok: true; records: Records } | { ok: false; issues: ValidationIssue[] };

export function parseRecords(input: unknown): ParseResult {
  const shape = RecordsShape.safeParse(input, { reportInput: true });
  if (!shape.success) return { ok: false, issues: shape.error.issues.flatMap(describeZodIssue) };
  const refs = checkReferences(shape.data);
  if (refs.length > 0) {
    return {
      ok: false,
      issues: refs.map((issue) => ({ path: formatPath(issue.path), text: describeRef(issue.problem) })),
    };
  }
  return { ok: true, records: shape.data };
}

export function formatIssues(issues: readonly ValidationIssue[], lang: Lang): string[] {
  return issues.map((issue) => `${issue.path || '(root)'}: ${issue.text[lang]}`);
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function describeZodIssue(issue: z.core.$ZodIssue): ValidationIssue[] {
  const path = formatPath(issue.path);
  const at = (text: Record<Lang, string>, where = path): ValidationIssue => ({ path: where, text });
  switch (issue.code) {
    case 'unrecognized_keys':
      // One line per unknown field, at the field's own path, so a typo is easy to find.
      return issue.keys.map((key) =>
        at({ nl: 'onbekend veld', en: 'unknown field' }, formatPath([...issue.path, key])),
      );
    case 'invalid_format':
      if (issue.format === 'date')
        return [at({ nl: 'verwacht een datum JJJJ-MM-DD', en: 'expected a date YYYY-MM-DD' })];
      if (issue.format === 'datetime') {
        return [
          at({
            nl: 'verwacht een ISO-datum-tijd met tijdzone (2026-04-20T12:00:00+02:00)',
            en: 'expected an ISO date-time with an offset (2026-04-20T12:00:00+02:00)',
          }),
        ];
      }
      if (issue.format === 'email')
        return [at({ nl: 'verwacht een e-mailadres', en: 'expected an e-mail address' })];
      return [at({ nl: `ongeldig formaat (${issue.format})`, en: `invalid format (${issue.format})` })];
    case 'invalid_type':
      if (issue.input === undefined)
        return [at({ nl: 'ontbreekt (verplicht veld)', en: 'missing (required field)' })];
      return [
        at({
          nl: `verwacht ${typeName(issue.expected, 'nl')}`,
          en: `expected ${typeName(issue.expected, 'en')}`,
        }),
      ];
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return [at({ nl: `verwacht een van: ${values}`, en: `expected one of: ${values}` })];
    }
    case 'invalid_union': {
      // A discriminated union with a bad discriminator reports no inner issues: name the choices.
      if (issue.errors.length === 0) {
        const field = (issue as { discriminator?: string }).discriminator;
        if (field === 'role') {
          const values = EVALUATION_ROLES.map((v) => JSON.stringify(v)).join(', ');
          return [at({ nl: `verwacht een van: ${values}`, en: `expected one of: ${values}` })];
        }
        return [at({ nl: 'ongeldige waarde', en: 'invalid value' })];
      }
      return issue.errors.flat().flatMap(describeZodIssue);
    }
    case 'too_small':
      if (issue.origin === 'array') {
        return [at({ nl: `minstens ${issue.minimum} nodig`, en: `needs at least ${issue.minimum}` })];
      }
      if (issue.origin === 'string') return [at({ nl: 'mag niet leeg zijn', en: 'must not be empty' })];
      return [at({ nl: `moet minstens ${issue.minimum} zijn`, en: `must be at least ${issue.minimum}` })];
    case 'too_big':
      if (issue.origin === 'string') {
        const length = typeof issue.input === 'string' ? issue.input.length : undefined;
        const given =
          length === undefined ? { nl: '', en: '' } : { nl: `, nu ${length}`, en: `, got ${length}` };
        return [
          at({
            nl: `te lang (hoogstens ${issue.maximum} tekens${given.nl})`,
            en: `too long (at most ${issue.maximum} characters${given.en})`,
          }),
        ];
      }
      return [at({ nl: `moet hoogstens ${issue.maximum} zijn`, en: `must be at most ${issue.maximum}` })];
    default:
      return [at({ nl: issue.message, en: issue.message })];
  }
}

function typeName(expected: string, lang: Lang): string {
  const names: Record<string, Record<Lang, string>> = {
    string: { nl: 'tekst', en: 'a string' },
    number: { nl: 'een getal', en: 'a number' },
    boolean: { nl: 'true of false', en: 'true or false' },
    array: { nl: 'een lijst', en: 'a list' },
    object: { nl: 'een object', en: 'an object' },
  };
  return names[expected]?.[lang] ?? expected;
}

/** The message of a reference problem (also used by the sessions API). */
export function describeRef(problem: RefProblem): Record<Lang, string> {
  const kindNl = {
    supplier: 'leverancier',
    person: 'persoon',
    session: 'sessie',
    request: 'klantaanvraag',
  } as const;
  switch (problem.key) {
    case 'duplicateId':
      return {
        nl: `id "${problem.id}" komt meer dan eens voor`,
        en: `id "${problem.id}" is used more than once`,
      };
    case 'unknownRef':
      return {
        nl: `onbekende ${kindNl[problem.kind]} "${problem.id}"`,
        en: `unknown ${problem.kind} "${problem.id}"`,
      };
    case 'missingRole':
      return {
        nl: `"${problem.id}" heeft niet de rol ${problem.role}`,
        en: `"${problem.id}" does not hold the role ${problem.role}`,
      };
    case 'wrongSupplier':
      return {
        nl: `"${problem.id}" hoort niet bij leverancier "${problem.supplier}"`,
        en: `"${problem.id}" does not belong to supplier "${problem.supplier}"`,
      };
    case 'supplierRequired':
      return {
        nl: 'verplicht voor een facilitator of contactpersoon van een leverancier',
        en: "required for a facilitator or a supplier's contact",
      };
    case 'notRespondentFor':
      return {
        nl: `"${problem.id}" is niet de ${problem.role} van sessie "${problem.session}"`,
        en: `"${problem.id}" is not the ${problem.role} of session "${problem.session}"`,
      };
    case 'notRoundRespondent':
      return {
        nl: `"${problem.id}" is geen respondent van deze ronde`,
        en: `"${problem.id}" is not a respondent of this round`,
      };
    case 'wrongSide':
      return {
        nl: `"${problem.id}" antwoordt aan de kant ${problem.side}`,
        en: `"${problem.id}" answers on the ${problem.side} side`,
      };
    case 'endBeforeStart':
      return { nl: 'het einde moet na het begin liggen', en: 'the end must be after the start' };
    case 'closesBeforeOpens':
      return { nl: 'de sluitdatum ligt voor de openingsdatum', en: 'closes before it opens' };
    case 'unknownFramework':
      return { nl: `onbekend KPI-raamwerk "${problem.id}"`, en: `unknown KPI framework "${problem.id}"` };
    case 'unknownTimeZone':
      return { nl: `onbekende tijdzone "${problem.id}"`, en: `unknown time zone "${problem.id}"` };
    case 'notHalfYear':
      return {
        nl: `verwacht een halfjaar zoals 2026-H1, niet "${problem.value}"`,
        en: `expected a half-year such as 2026-H1, not "${problem.value}"`,
      };
    case 'notPeriod':
      return {
        nl: `verwacht een periode zoals 2026-H1 of 2026-Q3, niet "${problem.value}"`,
        en: `expected a period such as 2026-H1 or 2026-Q3, not "${problem.value}"`,
      };
    case 'unknownKpi':
      return { nl: `onbekende KPI "${problem.id}"`, en: `unknown KPI "${problem.id}"` };
    case 'unknownQuestion':
      return { nl: `onbekende vraag "${problem.id}"`, en: `unknown question "${problem.id}"` };
    case 'missingAnswer':
      return {
        nl: `antwoord op "${problem.question}" ontbreekt`,
        en: `answer to "${problem.question}" is missing`,
      };
    case 'duplicateEntry':
      return { nl: `"${problem.what}" komt dubbel voor`, en: `"${problem.what}" appears twice` };
    case 'clientSideOnly':
      return {
        nl: `"${problem.id}" hoort bij een opdrachtnemer; hier horen alleen mensen van de opdrachtgever`,
        en: `"${problem.id}" works for a supplier; only the client's people belong here`,
      };
    case 'notHandedBack':
      return {
        nl: `klantaanvraag "${problem.id}" is niet teruggegeven; alleen een teruggegeven aanvraag gaat naar een andere opdrachtnemer (herselectie)`,
        en: `client request "${problem.id}" was not handed back; only a request handed back goes to another supplier (reselection)`,
      };
    case 'surveyTooRare':
      return {
        nl: `"${problem.value}" is te zelden: het toetsplan vraagt minstens elk halfjaar een enquête (kies half-year of quarter)`,
        en: `"${problem.value}" is too rare: the test plan asks for a survey at least every half-year (choose half-year or quarter)`,
      };
    case 'surveyTooFrequent':
      return {
        nl: `"${problem.value}" is te vaak: het toetsplan vraagt hoogstens elk kwartaal een enquête (kies half-year of quarter)`,
        en: `"${problem.value}" is too frequent: the test plan asks for a survey at most every quarter (choose half-year or quarter)`,
      };
    case 'surveyUnknownCadence':
      return {
        nl: `onbekende frequentie "${problem.value}": het toetsplan staat elk halfjaar (half-year) of elk kwartaal (quarter) toe`,
        en: `unknown cadence "${problem.value}": the test plan allows every half-year (half-year) or every quarter (quarter)`,
      };
    case 'surveyOpensBeforePeriod':
      return {
        nl: `${problem.days} dagen is te vroeg: de ronde zou openen vóór de periode waarover zij gaat (hoogstens ${problem.shortest})`,
        en: `${problem.days} days is too early: the round would open before the period it is about (at most ${problem.shortest})`,
      };
    case 'tooLarge':
      return {
        nl: `te groot om op te slaan (${problem.size} tekens als JSON, hoogstens ${problem.max})`,
        en: `too large to store (${problem.size} characters as JSON, at most ${problem.max})`,
      };
  }
}
