import type { ApiError } from '../../../../electron/shared/contract.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { formatCount, plural } from '../../lib/format.ts';

// A build that would take more than half of the published conversations off the site is refused by the core (an old
// backup restored, the wrong workspace, a mass withholding by mistake). Here the refusal becomes a question.

export type Shrink = { published: number; wouldPublish: number };

/** The figures of a refused shrinking build, or null for any other outcome. */
export function shrinkOf(error: ApiError | null): Shrink | null {
  if (error?.code !== 'SITE_WOULD_SHRINK') return null;
  const published = Number(error.details?.published);
  const wouldPublish = Number(error.details?.wouldPublish);
  return Number.isFinite(published) && Number.isFinite(wouldPublish) ? { published, wouldPublish } : null;
}

export function ShrinkDialog({ shrink, onCancel, onBuild }: { shrink: Shrink; onCancel: () => void; onBuild: () => void }) {
  const lost = shrink.published - shrink.wouldPublish;
  return (
    <Dialog
      title="Most of the site would disappear"
      onClose={onCancel}
      size="small"
      describedBy="shrink-body"
      footer={(
        <>
          <button type="button" className="btn btn-ghost" onClick={onCancel} data-autofocus>Cancel</button>
          <button type="button" className="btn btn-danger" onClick={onBuild}>Build anyway</button>
        </>
      )}
    >
      <div id="shrink-body">
        <p>The public site would lose <strong>{plural(lost, 'conversation')}</strong>: it shows {formatCount(shrink.published)} now, and this export would show {formatCount(shrink.wouldPublish)}.</p>
        <p className="muted">Nothing has been changed yet. This often means an old copy of the workspace, the wrong workspace, or many conversations withheld by mistake.</p>
      </div>
    </Dialog>
  );
}
