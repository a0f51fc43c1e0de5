import { useCall } from '../../lib/useCall.ts';

/** The workspace's topics (its keyword rules), for the topic filter. */
export function useTopics(): string[] {
  const settings = useCall('curation.settings.get', {});
  return Object.keys(settings.data?.topicRules ?? {}).sort((a, b) => a.localeCompare(b));
}
