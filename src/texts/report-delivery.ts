// The texts of the progress report's delivery in chat (KPI 6): the supplier's card with the draft and
// the explanations, the contract manager's judgement.
import type { Catalogue } from './index.ts';

export const REPORT_DELIVERY_TEXTS = {
  'delivery.value': { nl: '{value}', en: '{value}' },
  'delivery.fact.supplier': { nl: 'Opdrachtnemer', en: 'Supplier' },
  'delivery.fact.period': { nl: 'Periode', en: 'Period' },
  'delivery.fact.due': { nl: 'Uiterlijk opleveren', en: 'Due' },
  'delivery.fact.explanations': { nl: 'Toelichting', en: 'Explanation' },
  'delivery.fact.delivered': { nl: 'Opgeleverd', en: 'Delivered' },
  'delivery.delivered': {
    nl: '{at}{late, select, yes { (te laat)} other {}}',
    en: '{at}{late, select, yes { (late)} other {}}',
  },
  'delivery.draft': { nl: 'Concept openen (PDF)', en: 'Open the draft (PDF)' },
  'delivery.delivery': { nl: 'Rapportage openen (PDF)', en: 'Open the report (PDF)' },
  'delivery.noExplanation': { nl: 'geen', en: 'none' },
  'delivery.submittedBy': { nl: 'Opgeleverd door {name} op {at}.', en: 'Delivered by {name} on {at}.' },
  'delivery.status': {
    nl: '{state, select, open {Nog niet opgeleverd.} submitted {Opgeleverd op {at}; wacht op het oordeel van de contractmanager. Aanvullen kan nog; de eerste opleverdatum blijft staan.} confirm {Geaccepteerd (opgeleverd op {at}).} changes {Afgewezen: pas de toelichting aan en lever opnieuw op.} other {Gesloten.}}',
    en: '{state, select, open {Not delivered yet.} submitted {Delivered on {at}; awaiting the contract manager’s judgement. You can still add to it; the first delivery date stands.} confirm {Accepted (delivered on {at}).} changes {Rejected: change the explanation and deliver again.} other {Closed.}}',
  },
  'delivery.reviewStatus': {
    nl: '{decided, select, confirm {{mine, select, yes {Je hebt haar geaccepteerd.} other {Geaccepteerd door {name}.}}} changes {{mine, select, yes {Je hebt haar afgewezen.} other {Afgewezen door {name}.}}} superseded {Vervangen door een nieuwere oplevering.} other {Accepteer of wijs af.}}',
    en: '{decided, select, confirm {{mine, select, yes {You accepted it.} other {Accepted by {name}.}}} changes {{mine, select, yes {You rejected it.} other {Rejected by {name}.}}} superseded {Replaced by a newer delivery.} other {Accept or reject it.}}',
  },
  'delivery.rejected': {
    nl: 'De contractmanager wees de rapportage af: {reason}',
    en: 'The contract manager rejected the report: {reason}',
  },
  'delivery.late': {
    nl: 'De rapportage was uiterlijk {due} nodig en is nog niet opgeleverd: KPI 6 staat op rood. Lever haar alsnog op.',
    en: 'The report was due on {due} and has not been delivered: KPI 6 is red. Deliver it all the same.',
  },
  'delivery.reminder': {
    nl: 'Herinnering: de voortgangsrapportage over {period} moet uiterlijk {due} opgeleverd zijn.',
    en: 'Reminder: the progress report over {period} is due on {due}.',
  },
  'delivery.decided': {
    nl: '{decided, select, confirm {{name} heeft de voortgangsrapportage over {period} geaccepteerd.} other {{name} wees de voortgangsrapportage over {period} af: {reason}}}',
    en: '{decided, select, confirm {{name} accepted the progress report over {period}.} other {{name} rejected the progress report over {period}: {reason}}}',
  },
  'delivery.superseded': {
    nl: 'Je acceptatie telt niet: de opdrachtnemer had intussen opnieuw opgeleverd. Die versie staat klaar om te beoordelen.',
    en: 'Your acceptance does not count: the supplier had delivered again meanwhile. That version is ready for judgement.',
  },
  'delivery.describe': {
    nl: 'de voortgangsrapportage van {supplier} over {period}',
    en: 'the progress report of {supplier} over {period}',
  },
} as const satisfies Catalogue;
