// Prints the corpus figures: node_modules/.bin/node test/claims/print-scores.ts [--misses]
import { formatScores, misses, scoreExamples, scoreRealCases } from './corpus-score.ts';

const real = scoreRealCases();
const examples = scoreExamples();
console.log(formatScores('real decisions', real));
console.log(formatScores('claims-examples', examples));
if (process.argv.includes('--misses')) for (const line of [...misses(real), ...misses(examples)]) console.log(`  ${line}`);
