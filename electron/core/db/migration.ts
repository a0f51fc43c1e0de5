import type { DatabaseSync } from 'node:sqlite';

/** One schema step. Versions go up in steps of 10 so that a later fix can slot in between. */
export type Migration = {
  version: number;
  name: string;
  up: (db: DatabaseSync) => void;
};
