import { z } from 'zod';

export const SEVERITIES = ['error', 'warning', 'info'] as const;

export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  claim: z.string(),
  rule: z.string(),
  severity: Severity,
  citation: z.string(),
  message: z.string(),
  fix: z.string(),
});
export type Finding = z.infer<typeof Finding>;
