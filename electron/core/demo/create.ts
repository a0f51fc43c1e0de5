import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importClaims } from '../claims/import.ts';
import { saveClaim, transitionClaim } from '../claims/store.ts';
import { decideCurated } from '../curation/decisions.ts';
import { reviewFinding, threadRedactions } from '../curation/findings.ts';
import { writeSetting } from '../curation/settings.ts';
import { CandorError } from '../errors.ts';
import { runImport } from '../importers/run.ts';
import { initWorkspace } from '../workspace.ts';
import type { Workspace } from '../workspace.ts';
import { updateSiteSettings } from '../site/settings.ts';
import { demoClaims, EVIDENCE_FILES } from './claims.ts';
import type { DemoClaim } from './claims.ts';
import { seeded } from './random.ts';
import { COMPANY, demoThreads } from './threads.ts';
import type { DemoThread } from './threads.ts';
import { PUBLISH_GUARDS } from '../publish-guards.ts';

// Builds the demo workspace through the same paths staff use: the thread importer, curation settings, reviews and
// decisions, the claims importer and workflow. Only the sample data is made up, deterministically from a seed.

const DEMO_MARKER = '.candor-demo';
const DEMO_SEED = 20_260_301;

const INTRO = `We are an outdoor clothing company in Kendal, in the English Lake District. This site shows every customer conversation we are allowed to publish, **complaints included**, with our replies, exactly as they happened (minus personal data). The figures are computed from all of them, including those we held back.

If something here looks wrong, tell us at [transparency@fernhill.example](mailto:transparency@fernhill.example).`;

const POLICY = `We publish every conversation in full unless one of the reasons below applies. We never hold a conversation back because it is critical of us.

- **Personal data** (names, e-mail addresses, phone numbers, payment details, home addresses) is removed and replaced by a label such as [email removed].
- Customers are shown as "Customer in *their town*".
- Notes our staff write to each other are never published.
- A customer can ask us to remove their conversation at any time; it then counts as a *privacy request*.

Questions about this policy: [transparency@fernhill.example](mailto:transparency@fernhill.example).`;

export type DemoReport = { dir: string; threads: number; published: number; withheld: number; pending: number; claims: number; publishedClaims: number };

function prepareDir(dir: string): void {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir);
  if (entries.length === 0) return;
  if (!entries.includes(DEMO_MARKER)) {
    throw new CandorError('FOLDER_NOT_EMPTY', `${dir} is not empty and is not a Candor demo workspace; choose another folder.`, { file: dir }, 'choose another folder with --dir');
  }
  rmSync(dir, { recursive: true, force: true });
}

function byDecision(list: readonly DemoThread[], ids: Map<DemoThread, string>): Map<string, { decision: DemoThread['decision']; reason?: DemoThread['reason']; note?: string; ids: string[] }> {
  const groups = new Map<string, { decision: DemoThread['decision']; reason?: DemoThread['reason']; note?: string; ids: string[] }>();
  for (const t of list) {
    const key = `${t.decision}|${t.reason ?? ''}|${t.note ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { decision: t.decision, reason: t.reason, note: t.note, ids: [] }));
    g.ids.push(ids.get(t)!);
  }
  return groups;
}

function claimInput(c: DemoClaim): Record<string, unknown> {
  return { ...c };
}

/** The demo's topic rules: keywords that name a problem, never a product ("waterproof" is in a jacket's name). */
export const DEMO_TOPIC_RULES = {
  Delivery: ['delivery', 'courier', 'parcel', 'tracking'],
  'Returns and refunds': ['refund*', 'return*', 'exchange*'],
  Repairs: ['repair*', 'resole', 'guarantee'],
  Sizing: ['size', 'sizes', 'sizing', 'fit'],
  // Not 'waterproof': it is in a product's name ("Skiddaw waterproof jacket"), and praise of that jacket is no complaint about its waterproofing.
  Waterproofing: ['leak*', 'seam*', 'soaked', 'wet through', 'not waterproof', 'no longer waterproof', 'waterproofing'],
  Packaging: ['plastic', 'packaging', 'mailer*'],
};

function writePolicy(ws: Workspace): void {
  const set = (key: Parameters<typeof writeSetting>[2], value: unknown) => writeSetting(ws.db, ws.actor, key, value);
  set('defaultCountry', 'GB');
  set('customerPseudonym', 'location');
  set('staffNaming', 'name');
  set('accountPatterns', ['FH-\\d{6}']);
  set('companyDomains', [COMPANY.domain]);
  set('companyPostcodes', [COMPANY.postcode]);
  set('companyAddresses', [COMPANY.address]);
  set('topicRules', DEMO_TOPIC_RULES);
}

/** Threads through the real importer, then curation: low-confidence findings reviewed and removed, then decisions. */
async function importAndCurate(ws: Workspace, work: string, options: { seed?: number; threads?: number }): Promise<number> {
  const r = seeded(options.seed ?? DEMO_SEED);
  const threads = demoThreads(r, options.threads ?? 236);
  const file = join(work, 'fernhill-feedback.jsonl');
  writeFileSync(file, `${threads.map((t) => JSON.stringify(t.record)).join('\n')}\n`);
  await runImport(ws, [file]);
  const ids = new Map(threads.map((t) => [t, `${t.record.source}:${t.record.id}`] as const));
  for (const t of threads) {
    if (t.decision !== 'publish') continue;
    const red = threadRedactions(ws.db, ids.get(t)!);
    for (const f of red.findings) if (f.status === 'pending' && f.confidence === 'low') reviewFinding(ws.db, ws, ids.get(t)!, f.id, 'accept');
  }
  for (const g of byDecision(threads, ids).values()) {
    if (g.decision === 'pending') continue;
    decideCurated(ws, { ids: g.ids }, g.decision === 'withhold' ? { decision: 'withhold', reason: g.reason!, note: g.note } : { decision: 'publish' }, PUBLISH_GUARDS);
  }
  return threads.length;
}

/** Claims through the claims importer and workflow; returns how many there are and how many were published. */
async function importClaimsAndPublish(ws: Workspace, work: string): Promise<{ claims: number; published: number }> {
  const plans = demoClaims();
  for (const [name, content] of Object.entries(EVIDENCE_FILES)) writeFileSync(join(work, name), content);
  const claimsFile = join(work, 'claims.json');
  writeFileSync(claimsFile, JSON.stringify({ claims: plans.map((p) => claimInput(p.claim)) }, null, 2));
  await importClaims(ws, [claimsFile], { now: '2024-01-08T09:00:00Z' });
  let published = 0;
  // Findings the linter raises are published over only with a recorded reason, as staff would have to.
  const publish = (id: string, at: string, override: string | undefined) => {
    try {
      transitionClaim(ws, id, 'published', { now: at, asOf: at.slice(0, 10), override });
    } catch (err) {
      if (!(err instanceof CandorError) || err.code !== 'LINT_BLOCKED') throw err;
      transitionClaim(ws, id, 'published', { now: at, asOf: at.slice(0, 10), override: 'Reviewed by the Head of Sustainability; wording to be revisited at the next review.' });
    }
  };
  for (const p of plans) {
    if (!p.publishAt) continue;
    publish(p.claim.id, p.publishAt, p.override);
    published++;
    for (const u of p.updates ?? []) {
      saveClaim(ws, { ...p.claim, ...u.change } as Parameters<typeof saveClaim>[1], { baseDir: work, now: u.at });
      publish(p.claim.id, u.at, u.override);
    }
    if (p.retireAt) transitionClaim(ws, p.claim.id, 'retired', { now: p.retireAt, note: 'Supplier changed; the T-shirts are no longer certified organic.' });
  }
  return { claims: plans.length, published };
}

export async function createDemoWorkspace(target: string, options: { seed?: number; threads?: number } = {}): Promise<DemoReport> {
  const dir = resolve(target);
  prepareDir(dir);
  const ws: Workspace = initWorkspace(dir, { name: COMPANY.name, actor: 'Fernhill demo' });
  try {
    writeFileSync(join(dir, DEMO_MARKER), 'This workspace was made by `npm run demo`; running it again replaces it.\n');
    writePolicy(ws);
    const work = join(dir, '.demo-import');
    mkdirSync(work, { recursive: true });
    const threads = await importAndCurate(ws, work, options);
    const claims = await importClaimsAndPublish(ws, work);
    updateSiteSettings(ws, { intro: INTRO, policy: POLICY, url: COMPANY.url });
    rmSync(work, { recursive: true, force: true });
    const counts = ws.db.prepare('SELECT decision, count(*) AS n FROM threads GROUP BY decision').all() as { decision: string; n: number }[];
    const n = (d: string) => counts.find((c) => c.decision === d)?.n ?? 0;
    return { dir, threads, published: n('publish'), withheld: n('withhold'), pending: n('pending'), claims: claims.claims, publishedClaims: claims.published };
  } finally {
    ws.close();
  }
}
