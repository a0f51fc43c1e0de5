import { z } from 'zod';
import { MessageRole, ThreadKind, ThreadStatus } from '../model/thread.ts';
import { channels } from './base.ts';

// Curators' corrections of what an import decided (the app's correction controls use these; so does the CLI's
// `candor thread set` / `candor message set` through the same store functions). Each change is audited and a later
// re-import keeps it.
export const correctionChannels = channels({
  /** A thread's kind and/or status. */
  'corrections.threadKindStatus': {
    req: z.object({ thread: z.string().min(1), kind: ThreadKind.optional(), status: ThreadStatus.optional() }),
    res: z.object({ thread: z.string(), changed: z.boolean(), kind: z.string(), status: z.string(), resolvedAt: z.string().nullable() }),
  },
  /** A message's author role, by message id (or <thread-id>#<n>). */
  'corrections.messageRole': {
    req: z.object({ message: z.string().min(1), role: MessageRole }),
    res: z.object({ message: z.string(), thread: z.string(), changed: z.boolean(), role: z.string(), threadKind: z.string() }),
  },
});
