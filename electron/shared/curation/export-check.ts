import { z } from 'zod';

export const CheckLink = z.enum(['inbox-pending', 'inbox-unreviewed', 'claims', 'site-settings', 'workspace-settings']);

export const CheckItem = z.object({
  id: z.string(),
  /** attention: something on the site would be wrong or missing; note: worth knowing, fine to export. */
  tone: z.enum(['attention', 'note']),
  title: z.string(),
  detail: z.string(),
  count: z.number().int().nullable(),
  link: CheckLink,
});
export type CheckItem = z.infer<typeof CheckItem>;

export const ExportCheck = z.object({ items: z.array(CheckItem), published: z.number().int(), withheld: z.number().int(), pending: z.number().int() });
export type ExportCheck = z.infer<typeof ExportCheck>;
