import { z } from 'zod';

// The per-file import report: a public interface (`candor import --json` prints exactly these keys).
export const RejectedRecord = z.object({ location: z.string(), reason: z.string() });
export const FileReport = z.object({
  file: z.string(),
  format: z.string(),
  threadsCreated: z.number().int(),
  threadsUpdated: z.number().int(),
  messagesCreated: z.number().int(),
  internalNotes: z.number().int(),
  rejected: z.array(RejectedRecord),
  /** Records deliberately kept out, each with where it was and why (bounces and auto-replies, deleted tickets). */
  skipped: z.array(RejectedRecord).optional(),
  /** Things the person importing should know and act on (no staff message found, bytes that were not UTF-8). */
  warnings: z.array(z.string()).optional(),
});
export type FileReport = z.infer<typeof FileReport>;
