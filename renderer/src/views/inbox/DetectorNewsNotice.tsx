import { useApp } from '../../app/context.ts';
import { plural } from '../../lib/format.ts';
import { useCall } from '../../lib/useCall.ts';

/**
 * "Personal-data detection improved: N conversations have new findings to review." Shown while conversations hold
 * findings that the current detectors made and the previous ones did not, and no curator has reviewed them yet.
 */
export function DetectorNewsNotice() {
  const app = useApp();
  const news = useCall('curation.detectorNews', {});
  if (news.status !== 'ready' || (news.data.conversations === 0 && news.data.awaitingRescan === 0)) return null;
  const { conversations, awaitingRescan, threadIds } = news.data;
  const first = threadIds[0];
  return (
    <div className="notice notice-info detector-news" role="status">
      {conversations > 0 ? <>Personal-data detection improved: {plural(conversations, 'conversation')} {conversations === 1 ? 'has' : 'have'} new findings to review.</> : null}
      {awaitingRescan > 0 ? <> Personal-data detection improved: {plural(awaitingRescan, 'conversation')} will be checked again when opened or at the next site build.</> : null}
      {first ? <> <button type="button" className="btn btn-ghost btn-small" onClick={() => app.navigate({ view: 'inbox', threadId: first })}>Review the first</button></> : null}
    </div>
  );
}
