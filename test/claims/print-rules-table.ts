// Prints the rules table of docs/formats/claims.md from the code and the corpus (see rules-table.ts).
import { rulesTable } from './rules-table.ts';

console.log(rulesTable());
