import type { z } from 'zod';

/** One channel: what the caller sends and what comes back, both checked at the boundary. */
export type ChannelSpec = { req: z.ZodType; res: z.ZodType };

export function channels<T extends Record<string, ChannelSpec>>(spec: T): T {
  return spec;
}
