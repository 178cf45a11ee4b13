// `npm run bench`: every benchmark, one after another, printed as JSON for the closing notes.
import { benchScoring } from './scoring.ts';
import { benchStore } from './store.ts';

const results = [await benchScoring(), await benchStore()];
console.log(JSON.stringify(results, null, 2));
