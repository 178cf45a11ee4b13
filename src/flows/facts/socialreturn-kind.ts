// Social return as a reviewed fact (reviewed.ts, KPI 7): a supplier's contact submits the plan of
// approach or the half-year's figures, and a contract manager confirms each submission or sends it
// back with a reason. Only a confirmed one is written into the records' `socialReturn` entry (the
// plan keeps its first confirmed day), and KPI 7 is recomputed. How it looks: socialreturn-view.ts.

import { applyConfirmed, type SocialReturnSubject } from '../../domain/social-return.ts';
import { dayStart, formatInstant } from '../../domain/time.ts';
import { socialReturnReviewSet } from '../../questionnaires/facts.ts';
import type { FactAssignment } from '../../store/assignments.ts';
import { formatPeriod } from '../../texts/format.ts';
import { bothOf } from '../../texts/index.ts';
import { enqueueRecompute } from '../scorecard.ts';
import { fact, type ReviewedSpec, reviewedKind } from './reviewed.ts';
import { dayOf, socialReturn } from './social-return.ts';
import { socialReturnMessage } from './socialreturn-view.ts';

function subjectOf(a: FactAssignment): SocialReturnSubject {
  return fact(a, 'what') === 'plan' ? { what: 'plan' } : { what: 'figures', upTo: fact(a, 'upTo') };
}

const socialReturnSpec: ReviewedSpec = {
  kind: 'socialreturn',
  store: socialReturn,
  reviewSet: socialReturnReviewSet,
  message: socialReturnMessage,
  async onDecided(core, a, view, decision, submission) {
    if (decision.decision !== 'confirm') return;
    const zone = view.settings.timeZone;
    await socialReturn(core).update(a.supplier, (entry) =>
      applyConfirmed(entry, subjectOf(a), submission.answers, dayOf(view, submission.receivedAt)),
    );
    const at = (day: string) => formatInstant(dayStart(day, zone), zone);
    await enqueueRecompute(core, a.supplier, at(dayOf(view, core.clock.now())), view);
    if (fact(a, 'upTo')) await enqueueRecompute(core, a.supplier, at(fact(a, 'upTo')), view);
  },
  audit: {
    submitted: 'socialreturn-submitted',
    confirmed: 'socialreturn-confirmed',
    rejected: 'socialreturn-rejected',
  },
  subjectName: (a) =>
    fact(a, 'period') ? `${fact(a, 'supplierName')} (${fact(a, 'period')})` : fact(a, 'supplierName'),
  decided: (a, decision, name) =>
    bothOf('socialreturn.decided', (lang) => ({
      decided: decision.decision,
      name,
      what: fact(a, 'what'),
      period: fact(a, 'period') ? formatPeriod(lang, fact(a, 'period')) : '',
      reason: decision.reason ?? '',
    })),
  superseded: bothOf('socialreturn.superseded', () => ({})),
  describe: (a) =>
    bothOf('socialreturn.describe', (lang) => ({
      what: fact(a, 'what'),
      supplier: fact(a, 'supplierName'),
      period: fact(a, 'period') ? formatPeriod(lang, fact(a, 'period')) : '',
    })),
};

export const socialReturnKind = reviewedKind(socialReturnSpec);
