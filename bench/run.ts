// `npm run bench`: every benchmark, one after another, printed as JSON for the closing notes.
import { benchScoring } from './scoring.ts';

const results = [await benchScoring()];
console.log(JSON.stringify(results, null, 2));
