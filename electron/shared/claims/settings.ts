import { z } from 'zod';

export const ClaimSettings = z.object({
  /** On: a claim's author cannot approve or publish it; a second person must. */
  secondApprover: z.boolean().default(false),
});
export type ClaimSettings = z.infer<typeof ClaimSettings>;
