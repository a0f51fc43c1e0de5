import { useEffect, useState } from 'react';
import { useClient } from '../../api.ts';

/** The workspace's topics (its keyword rules), for the topic filter. */
export function useTopics(version: number): string[] {
  const client = useClient();
  const [topics, setTopics] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void client.invoke('curation.settings.get', {}).then((r) => {
      if (live && r.ok) setTopics(Object.keys(r.value.topicRules).sort((a, b) => a.localeCompare(b)));
    });
    return () => {
      live = false;
    };
  }, [client, version]);
  return topics;
}
