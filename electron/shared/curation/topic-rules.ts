import { z } from 'zod';

/**
 * Topic rules kept in the workspace: topic name -> keywords or phrases. A phrase matches whole words, in any case
 * and with or without accents; a trailing * matches any word ending ("refund*" finds "refunds", "refunded").
 */
export const TopicRules = z.record(
  z.string().trim().min(1, 'a topic needs a name').max(80),
  z.array(z.string().trim().min(1, 'a phrase must not be empty').max(200)).min(1, 'a topic needs at least one keyword or phrase'),
);
export type TopicRules = z.infer<typeof TopicRules>;
