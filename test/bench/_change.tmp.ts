import { changeOneThread } from './site-data.ts';
changeOneThread(process.argv[2]!, Number(process.argv[3]));
