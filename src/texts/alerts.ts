// The texts of the alerts: the escalation of section 3 of the test plan (extra effort, the critical
// phase), KPIs green again, and alerts waiting for an alert channel.
import type { Catalogue } from './index.ts';

export const ALERT_TEXTS = {
  'alert.title': {
    nl: '{kind, select, critical {Kritieke fase: {supplier}} extra {Extra inspanning vereist: {supplier}} down {Niet meer kritiek: {supplier}} green {Weer alles groen: {supplier}} other {Weer groen bij {supplier}}}',
    en: '{kind, select, critical {Critical phase: {supplier}} extra {Extra effort required: {supplier}} down {No longer critical: {supplier}} green {All green again: {supplier}} other {Green again at {supplier}}}',
  },
  'alert.newlyRed': {
    nl: '{count, plural, one {{kpis} staat nu op rood} other {{kpis} staan nu op rood}} in {period}.',
    en: '{kpis} {count, plural, one {is} other {are}} now red in {period}.',
  },
  'alert.extraEffort': {
    nl: "{count, plural, one {Eén KPI staat} other {# KPI's staan}} op rood: extra inspanning vereist. Er is een herstelplan nodig, uiterlijk {date}; het wordt besproken in het reguliere tactisch overleg.",
    en: '{count, plural, one {One KPI is} other {# KPIs are}} red: extra effort required. A recovery plan is due by {date}, to be discussed at the regular tactical meeting.',
  },
  'alert.critical': {
    nl: "{count} KPI's staan op rood: dit is de kritieke fase. Plan zo snel mogelijk een overleg, niet pas bij het volgende reguliere overleg. Er is een herstelplan nodig, uiterlijk {date}. De opdrachtgever kan nieuwe opdrachten aan {supplier} aanhouden tot de afgesproken datum.",
    en: '{count} KPIs are red: this is the critical phase. Plan a meeting as soon as possible, not at the next regular one. A recovery plan is due by {date}. The client may hold new orders to {supplier} until the agreed date.',
  },
  'alert.resolved': {
    nl: '{count, plural, one {{kpis} is weer groen; de bevinding is gesloten.} other {{kpis} zijn weer groen; de bevindingen zijn gesloten.}}',
    en: '{count, plural, one {{kpis} is green again; its finding is closed.} other {{kpis} are green again; their findings are closed.}}',
  },
  'alert.allGreen': {
    nl: "Alle KPI's zijn weer groen in {period}: samen verder bouwen.",
    en: 'All KPIs are green again in {period}: building on together.',
  },
  'alert.stillRed': { nl: 'Nog op rood: {kpis}.', en: 'Still red: {kpis}.' },
  'alert.for': { nl: 'Voor {names}', en: 'For {names}' },
  'commands.help.reply': {
    nl: 'Je reactie geven op een bevinding over je eigen organisatie (een KPI op rood); ze staat erbij op de scorecard.',
    en: 'Give your reply on a finding about your own organisation (a red KPI); it is shown with it on the scorecard.',
  },
  'reply.usage': {
    nl: 'Typ `reactie <KPI> [periode] <je reactie>`, bijvoorbeeld `reactie KPI6 Het rapport is op 20 juli verstuurd.`',
    en: 'Type `reply <KPI> [period] <your reply>`, for example `reply KPI6 The report was sent on 20 July.`',
  },
  'reply.tooLong': {
    nl: 'Je reactie is te lang: hoogstens {max} tekens. Er is niets opgeslagen.',
    en: 'Your reply is too long: at most {max} characters. Nothing was saved.',
  },
  'reply.noFinding': {
    nl: 'Er is geen bevinding over {kpi} bij jouw organisatie; een reactie kan alleen bij een bevinding.',
    en: 'There is no finding about {kpi} for your organisation; a reply goes with a finding.',
  },
  'reply.saved': {
    nl: 'Je reactie op {kpi} ({period}) is opgeslagen. Ze staat bij de bevinding op de scorecard en is gemeld in het meldingenkanaal.',
    en: 'Your reply on {kpi} ({period}) is saved. It is shown with the finding on the scorecard and was posted in the alert channel.',
  },
  'reply.posted': {
    nl: 'Reactie van {name} ({supplier}) op de bevinding over {kpi}, {period}: “{text}”',
    en: 'Reply by {name} ({supplier}) on the finding about {kpi}, {period}: “{text}”',
  },
  'scorecard.reply': {
    nl: 'Reactie opdrachtnemer ({name}): “{text}”',
    en: 'Supplier’s reply ({name}): “{text}”',
  },
  'alerts.waiting': {
    nl: 'Er wachten meldingen over de prestaties van opdrachtnemers ({contract}), maar er is nog geen meldingenkanaal. Typ `alerts hier` in het kanaal dat ze moet krijgen (in Slack: `/prestatiemonitor alerts hier`); dan gaan ze meteen uit, de oudste eerst.',
    en: 'Alerts about the suppliers’ performance ({contract}) are waiting, but no alert channel is set yet. Type `alerts here` in the channel that should get them (in Slack: `/prestatiemonitor alerts here`); they then go out at once, oldest first.',
  },
} as const satisfies Catalogue;
