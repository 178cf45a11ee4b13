// The texts of the command line: help, argument errors, results and progress, in Dutch and English.
// Option names (--records, --as-of) and values (2026-H1, nl|en) are syntax and stay as typed.
import type { Catalogue } from './index.ts';

export const CLI_TEXTS = {
  'cli.help.main': {
    nl: `prestatiemonitor — prestatiemonitoring van raamcontracten in de chat

Opdrachten:
  start                 start de bot (lokaal webkanaal; demogegevens bij de eerste start)
  scorecard             de scorecard per opdrachtnemer en periode
  validate              controleer een records-bestand
  import                zet een records-bestand in de opslag
  export                schrijf de opslag als records-bestand
  report                de voortgangsrapportage van een opdrachtnemer (PDF of XLSX)

'prestatiemonitor OPDRACHT --help' toont de opties van een opdracht.
Taal: --lang nl|en, anders LC_ALL/LANG (en… is Engels, de rest Nederlands).
Het records-bestand: docs/records.md; de berekening per KPI: docs/scoring.md.`,
    en: `prestatiemonitor — performance monitoring of framework contracts in chat

Commands:
  start                 start the bot (local web channel; demo data on first start)
  scorecard             the scorecard per supplier and period
  validate              check a records file
  import                put a records file into the store
  export                write the store as a records file
  report                a supplier's progress report (PDF or XLSX)

'prestatiemonitor COMMAND --help' shows a command's options.
Language: --lang nl|en, else LC_ALL/LANG (en… is English, anything else Dutch).
The records file: docs/records.md; how each KPI is scored: docs/scoring.md.`,
  },
  'cli.help.start': {
    nl: `Gebruik: prestatiemonitor start [--lang nl|en]

Start de bot tot Ctrl-C. Instellingen komen uit de omgeving (zie README.md en .env.example).
Het records-bestand: docs/records.md; de berekening per KPI: docs/scoring.md.`,
    en: `Usage: prestatiemonitor start [--lang nl|en]

Starts the bot until Ctrl-C. Settings come from the environment (see README.md and .env.example).
The records file: docs/records.md; how each KPI is scored: docs/scoring.md.`,
  },
  'cli.help.scorecard': {
    nl: `Gebruik: prestatiemonitor scorecard [--records BESTAND] [opties]

Berekent de scorecard per opdrachtnemer en periode volgens het toetsplan, uit een records-bestand
of (zonder --records) uit de opslag van de bot. Hoe elke KPI wordt berekend: docs/scoring.md.

  --records BESTAND   het records-bestand (JSON, zie docs/records.md); zonder: de opslag
  --contract ID       het contract in de opslag (standaard: CONTRACT_ID of het enige)
  --supplier ID       alleen deze opdrachtnemer (anders alle)
  --period PERIODE    een halfjaar (2026-H1) of kwartaal (2026-Q3); standaard de periode van --as-of
  --as-of MOMENT      de stand op dit moment: een datum (2026-07-01) of een ISO-moment met
                      tijdzone (2026-07-01T00:00:00+02:00); standaard nu
  --json              de scorecard als JSON (zie docs/records.md)
  --lang nl|en        de taal van de uitvoer`,
    en: `Usage: prestatiemonitor scorecard [--records FILE] [options]

Computes the scorecard per supplier and period by the test plan, from a records file or
(without --records) from the bot's store. How each KPI is scored: docs/scoring.md.

  --records FILE      the records file (JSON, see docs/records.md); without it: the store
  --contract ID       the contract in the store (default: CONTRACT_ID or the only one)
  --supplier ID       only this supplier (otherwise all)
  --period PERIOD     a half-year (2026-H1) or quarter (2026-Q3); default the period of --as-of
  --as-of MOMENT      as it stood at this moment: a date (2026-07-01) or an ISO moment with an
                      offset (2026-07-01T00:00:00+02:00); default now
  --json              the scorecard as JSON (see docs/records.md)
  --lang nl|en        the output language`,
  },
  'cli.help.validate': {
    nl: `Gebruik: prestatiemonitor validate --records BESTAND [--lang nl|en]

Controleert een records-bestand en noemt elk probleem met het pad van het veld.
Elk veld van het bestand: docs/records.md.`,
    en: `Usage: prestatiemonitor validate --records FILE [--lang nl|en]

Checks a records file and names every problem by the path of its field.
Every field of the file: docs/records.md.`,
  },
  'cli.help.import': {
    nl: `Gebruik: prestatiemonitor import --records BESTAND [--lang nl|en]

Controleert het hele bestand en schrijft niets als er iets mis is; voegt het daarna samen met de
opslag (antwoorden gaan nooit verloren) en plant de evaluatie van sessies waarvan de termijn nog
open is. Hetzelfde bestand opnieuw importeren verandert niets; een onderbroken import maakt een
tweede keer af. Elk veld van het bestand: docs/records.md.`,
    en: `Usage: prestatiemonitor import --records FILE [--lang nl|en]

Checks the whole file and writes nothing if anything is wrong; then merges it into the store
(answers are never lost) and schedules the evaluation of sessions whose window is still open.
Importing the same file again changes nothing; an interrupted import is completed by a second run.
Every field of the file: docs/records.md.`,
  },
  'cli.help.report': {
    nl: `Gebruik: prestatiemonitor report --supplier ID --format pdf|xlsx [--period 2026-H1|2026-Q3]
       [--as-of DATUM] [--records BESTAND | --contract ID] [--out BESTAND] [--lang nl|en]

De voortgangsrapportage van een opdrachtnemer over een periode: de scorecard met zijn lichten en
het verloop, per KPI de cijfers en de onderbouwing (toelichtingen per sessie, beide kanten van de
enquête, LEF-dagen, social return), bevindingen en reacties. Uit een records-bestand of de opslag.
Zonder --out: rapport-<opdrachtnemer>-<periode>.<pdf|xlsx> in de huidige map.`,
    en: `Usage: prestatiemonitor report --supplier ID --format pdf|xlsx [--period 2026-H1|2026-Q3]
       [--as-of DATE] [--records FILE | --contract ID] [--out FILE] [--lang nl|en]

A supplier's progress report over a period: the scorecard with its lights and trend, per KPI the
figures and what they rest on (explanations per session, both sides of the survey, LEF days,
social return), findings and replies. From a records file or the store. Without --out:
rapport-<supplier>-<period>.<pdf|xlsx> in the current folder.`,
  },
  'cli.error.format': {
    nl: '--format: kies pdf of xlsx (niet "{value}")',
    en: '--format: choose pdf or xlsx (not "{value}")',
  },
  'cli.error.supplierRequired': {
    nl: '--supplier: verplicht (bekend: {known})',
    en: '--supplier: required (known: {known})',
  },
  'cli.help.export': {
    nl: `Gebruik: prestatiemonitor export [--out BESTAND] [--contract ID] [--lang nl|en]

Schrijft alle records van het contract als records-bestand (zonder --out naar de uitvoer).
De map van --out moet al bestaan.`,
    en: `Usage: prestatiemonitor export [--out FILE] [--contract ID] [--lang nl|en]

Writes all records of the contract as a records file (to standard output without --out).
The folder of --out must exist already.`,
  },

  'cli.error.unknownCommand': {
    nl: '{name}: onbekende opdracht (zie prestatiemonitor --help)',
    en: '{name}: unknown command (see prestatiemonitor --help)',
  },
  'cli.error.unknownOption': {
    nl: '{option}: onbekende optie (zie --help)',
    en: '{option}: unknown option (see --help)',
  },
  'cli.error.valueMissing': {
    nl: '{option}: de waarde ontbreekt (zie --help)',
    en: '{option}: the value is missing (see --help)',
  },
  'cli.error.noValueExpected': {
    nl: '{option}: deze optie neemt geen waarde',
    en: '{option}: this option takes no value',
  },
  'cli.error.unexpectedArgument': {
    nl: '"{value}": onverwacht argument (zie --help)',
    en: '"{value}": unexpected argument (see --help)',
  },
  'cli.error.lang': {
    nl: '--lang: verwacht nl of en, niet "{value}"',
    en: '--lang: expected nl or en, not "{value}"',
  },
  'cli.error.asOf': {
    nl: '--as-of: verwacht een bestaande datum (2026-07-01) of een ISO-moment met tijdzone (2026-07-01T00:00:00+02:00), niet "{value}"',
    en: '--as-of: expected a real date (2026-07-01) or an ISO moment with an offset (2026-07-01T00:00:00+02:00), not "{value}"',
  },
  'cli.error.period': {
    nl: '--period: verwacht een halfjaar of kwartaal zoals 2026-H1 of 2026-Q3, niet "{value}"',
    en: '--period: expected a half-year or quarter such as 2026-H1 or 2026-Q3, not "{value}"',
  },
  'cli.error.supplier': {
    nl: '--supplier: onbekende opdrachtnemer "{value}" (bekend: {known})',
    en: '--supplier: unknown supplier "{value}" (known: {known})',
  },
  'cli.error.records': {
    nl: '--records: geef het records-bestand op (zie docs/records.md)',
    en: '--records: name the records file (see docs/records.md)',
  },
  'cli.error.recordsNotFound': {
    nl: '--records: het bestand "{value}" bestaat niet',
    en: '--records: the file "{value}" does not exist',
  },
  'cli.error.recordsUnreadable': {
    nl: '--records: kan "{value}" niet lezen ({code, select, EACCES {geen toestemming} EISDIR {dat is een map} other {{code}}})',
    en: '--records: cannot read "{value}" ({code, select, EACCES {permission denied} EISDIR {it is a folder} other {{code}}})',
  },
  'cli.error.recordsNotJson': {
    nl: '--records: "{value}" is geen geldige JSON{line, plural, =0 {} other { (regel {line}, kolom {column})}}',
    en: '--records: "{value}" is not valid JSON{line, plural, =0 {} other { (line {line}, column {column})}}',
  },
  'cli.error.contractUnknown': {
    nl: '{option}: onbekend contract "{value}" (in de opslag: {count, plural, =0 {geen} other {{known}}})',
    en: '{option}: unknown contract "{value}" (in the store: {count, plural, =0 {none} other {{known}}})',
  },
  'cli.error.contractChoose': {
    nl: '--contract: kies een van {known}',
    en: '--contract: choose one of {known}',
  },
  'cli.error.noContract': {
    nl: 'De opslag bevat nog geen contract: importeer eerst een records-bestand (prestatiemonitor import --records BESTAND).',
    en: 'The store holds no contract yet: import a records file first (prestatiemonitor import --records FILE).',
  },
  'cli.error.outFolder': {
    nl: '--out: de map "{folder}" bestaat niet (waarde "{value}")',
    en: '--out: the folder "{folder}" does not exist (value "{value}")',
  },
  'cli.error.outWrite': {
    nl: '--out: kan "{value}" niet schrijven ({code, select, EACCES {geen toestemming} EISDIR {dat is een map} other {{code}}})',
    en: '--out: cannot write "{value}" ({code, select, EACCES {permission denied} EISDIR {it is a folder} other {{code}}})',
  },
  'cli.error.settings': {
    nl: 'De instellingen in de omgeving kloppen niet (zie .env.example):',
    en: 'The settings in the environment are not right (see .env.example):',
  },
  'cli.error.internal': {
    nl: 'Er ging iets mis aan onze kant (referentie {reference}). Probeer het opnieuw; blijft het gebeuren, meld dan de referentie.',
    en: 'Something went wrong on our side (reference {reference}). Please try again; if it keeps happening, report the reference.',
  },

  'cli.validate.ok': {
    nl: '{file}: in orde ({suppliers, plural, one {# opdrachtnemer} other {# opdrachtnemers}}, {people, plural, one {# persoon} other {# personen}}, {sessions, plural, one {# sessie} other {# sessies}}, {evaluations, plural, one {# evaluatie} other {# evaluaties}})',
    en: '{file}: valid ({suppliers, plural, one {# supplier} other {# suppliers}}, {people, plural, one {# person} other {# people}}, {sessions, plural, one {# session} other {# sessions}}, {evaluations, plural, one {# evaluation} other {# evaluations}})',
  },
  'cli.import.done': {
    nl: 'Geïmporteerd: contract {contract}, {written, plural, one {# record geschreven} other {# records geschreven}}, {unchanged} ongewijzigd, {scheduled, plural, one {# evaluatie gepland} other {# evaluaties gepland}}.',
    en: 'Imported: contract {contract}, {written, plural, one {# record written} other {# records written}}, {unchanged} unchanged, {scheduled, plural, one {# evaluation scheduled} other {# evaluations scheduled}}.',
  },
  'cli.export.written': {
    nl: 'Geschreven naar {file}',
    en: 'Written to {file}',
  },
  'cli.start.running': {
    nl: 'De bot draait; Ctrl-C stopt hem.',
    en: 'The bot is running; Ctrl-C stops it.',
  },
  'cli.start.stopping': {
    nl: 'Stoppen ({reason})…',
    en: 'Stopping ({reason})…',
  },
  'cli.start.npmStopped': {
    nl: 'npm is gestopt',
    en: 'npm stopped',
  },
  'cli.start.stopped': {
    nl: 'Gestopt in {ms} ms.',
    en: 'Stopped in {ms} ms.',
  },
  'cli.start.overrun': {
    nl: 'Stoppen duurde langer dan {seconds} s: direct gestopt.',
    en: 'The stop took longer than {seconds} s: stopped at once.',
  },
  'cli.start.again': {
    nl: 'Nogmaals {signal}: direct gestopt.',
    en: '{signal} again: stopped at once.',
  },
} as const satisfies Catalogue;
