import type { publishChannels, TargetView } from '../../shared/contract/publish.ts';
import { CandorError } from '../errors.ts';
import { publishToTarget } from '../publish/run.ts';
import { checkSecretFields, memorySecretStore, secretStatus } from '../publish/secrets.ts';
import type { SecretStore } from '../publish/secrets.ts';
import { KIND_LABEL, targetLocation } from '../../shared/model/publish-target.ts';
import type { Target } from '../../shared/model/publish-target.ts';
import { getTarget, listTargets, removeTarget, saveTarget } from '../publish/targets.ts';
import type { CoreContext, HandlersFor } from './context.ts';

// Publish targets and publishing, for the app. Secrets go to the context's store (the shell's keychain store in
// the desktop app, memory in the browser harness) and never come back out.

const fallback = new WeakMap<CoreContext, SecretStore>();
const running = new WeakMap<CoreContext, AbortController>();

function secretsOf(ctx: CoreContext): SecretStore {
  if (ctx.secrets) return ctx.secrets;
  let s = fallback.get(ctx);
  if (!s) fallback.set(ctx, (s = memorySecretStore()));
  return s;
}

async function view(ctx: CoreContext, t: Target): Promise<TargetView> {
  const store = secretsOf(ctx);
  return { ...t, kindLabel: KIND_LABEL[t.kind], location: targetLocation(t), secrets: await secretStatus(t, store), secretStore: store.kind };
}

export const publishHandlers: HandlersFor<typeof publishChannels> = {
  async 'publish.targets.list'(_req, ctx) {
    return { targets: await Promise.all(listTargets(ctx.workspace().db).map((t) => view(ctx, t))) };
  },
  async 'publish.targets.save'(req, ctx) {
    return view(ctx, saveTarget(ctx.workspace(), req));
  },
  async 'publish.targets.remove'(req, ctx) {
    const t = removeTarget(ctx.workspace(), req.name);
    await secretsOf(ctx).clear(t.id);
    return { removed: t.name };
  },
  async 'publish.credentials.set'(req, ctx) {
    const t = getTarget(ctx.workspace().db, req.target);
    checkSecretFields(t, req.values);
    await secretsOf(ctx).set(t.id, req.values);
    return view(ctx, t);
  },
  async 'publish.credentials.clear'(req, ctx) {
    const t = getTarget(ctx.workspace().db, req.target);
    await secretsOf(ctx).clear(t.id);
    return view(ctx, t);
  },
  async 'publish.run'(req, ctx) {
    const ws = ctx.workspace();
    if (running.has(ctx)) throw new CandorError('BUSY', 'A publish is already running. Wait for it to finish, or cancel it.');
    const controller = new AbortController();
    running.set(ctx, controller);
    try {
      return await publishToTarget(ws, {
        target: req.target,
        dir: req.dir,
        secrets: secretsOf(ctx),
        full: req.full,
        dryRun: req.dryRun,
        signal: controller.signal,
        onProgress: (p) => ctx.emitProgress({ job: 'publish', phase: p.phase, done: p.done, total: p.total, unit: 'files' }),
      });
    } finally {
      running.delete(ctx);
    }
  },
  'publish.cancel'(_req, ctx) {
    const c = running.get(ctx);
    c?.abort();
    return { cancelled: c !== undefined };
  },
};
