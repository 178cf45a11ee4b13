// `npm run bench`: every benchmark, one after another, printed as JSON for the closing notes.
// `npm run bench -- scoring` (or store, submissions, slack, durability, survey, scorecard, report, meeting) runs one.
import { benchDurability } from './durability.ts';
import { benchMeeting } from './meeting.ts';
import { benchReport } from './report.ts';
import { benchScorecard } from './scorecard.ts';
import { benchScoring } from './scoring.ts';
import { benchSlack } from './slack.ts';
import { benchStop } from './stop.ts';
import { benchStore } from './store.ts';
import { benchSubmissions } from './submissions.ts';
import { benchSurveyRound } from './survey-round.ts';

const all = {
  scoring: benchScoring,
  submissions: benchSubmissions,
  slack: benchSlack,
  store: benchStore,
  stop: benchStop,
  durability: benchDurability,
  survey: benchSurveyRound,
  scorecard: benchScorecard,
  report: benchReport,
  meeting: benchMeeting,
} as const;
const only = process.argv.slice(2).filter((name): name is keyof typeof all => name in all);
const results = [];
for (const name of only.length > 0 ? only : (Object.keys(all) as (keyof typeof all)[]))
  results.push(await all[name]());
console.log(JSON.stringify(results, null, 2));
