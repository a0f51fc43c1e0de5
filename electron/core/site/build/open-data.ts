import { claimEvidenceCsv, claimsCsv, claimsJson, openClaim } from '../open-data/claims.ts';
import { jsonSchemaOf, OpenClaimsFile, OpenThreadsFile } from '../open-data/schemas.ts';
import type { BuildContext, Phase } from './context.ts';
import { fileError } from './errors.ts';

// The open data phase: the claims' files and the schemas. The threads' files (data/threads.json, data/threads.csv,
// data/messages.csv) were written row by row in the thread pages phase and finish on their writers meanwhile.

function write(ctx: BuildContext, path: string, content: string): void {
  try {
    ctx.files.push(ctx.writer.write(path, content));
  } catch (err) {
    throw fileError(err, path);
  }
}

export const openData: Phase = {
  name: 'open data',
  timing: 'data',
  run(ctx) {
    ctx.progress({ phase: 'data', done: 0, total: 1 });
    const claims = ctx.data.claims.map((c) => openClaim(c, (sha) => ctx.evidence.get(sha) ?? null));
    write(ctx, 'data/claims.json', claimsJson(claims));
    write(ctx, 'data/claims.csv', claimsCsv(claims));
    write(ctx, 'data/claim-evidence.csv', claimEvidenceCsv(claims));
    const { baseUrl } = ctx.settings;
    const schemaId = (name: string) => (baseUrl ? `${baseUrl}data/${name}` : name);
    write(ctx, 'data/threads.schema.json', jsonSchemaOf(OpenThreadsFile, schemaId('threads.schema.json')));
    write(ctx, 'data/claims.schema.json', jsonSchemaOf(OpenClaimsFile, schemaId('claims.schema.json')));
  },
};
