import { useApp } from '../app/context.ts';
import { useClient } from '../api.ts';
import type { PickPurpose } from '../../../electron/shared/contract/app.ts';
import { Field } from './Field.tsx';

const EXAMPLES: Record<PickPurpose, string> = {
  'workspace-new': '/home/you/Candor/acme',
  'workspace-open': '/home/you/Candor/acme',
  'import-files': '/home/you/Downloads/zendesk-export.json',
  'evidence-file': '/home/you/Documents/certificate.pdf',
  'logo-file': '/home/you/Pictures/logo.png',
  'export-folder': '/home/you/Candor/site',
};

/**
 * A file or folder. In the desktop app "Choose…" opens the system's dialog; the path can always be typed or
 * pasted too (in the browser harness that is the only way).
 */
export function PathInput({ label, value, onChange, purpose, hint, errors }: { label: string; value: string; onChange: (value: string) => void; purpose: PickPurpose; hint?: string; errors?: string[] }) {
  const { info } = useApp();
  const client = useClient();
  const choose = async () => {
    const result = await client.invoke('app.pick', { purpose, ...(value ? { defaultPath: value } : {}) });
    if (result.ok && result.value.paths[0]) onChange(result.value.paths[0]);
  };
  const typedHint = info.dialogs ? hint : `${hint ? `${hint} ` : ''}Type the full path, for example ${EXAMPLES[purpose]}`;
  return (
    <div className="path-input">
      <Field label={label} hint={typedHint} errors={errors?.map((e) => <p key={e}>{e}</p>)}>
        <input type="text" className="input" value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} autoComplete="off" />
      </Field>
      {info.dialogs ? (
        <button type="button" className="btn btn-secondary path-input-choose" onClick={() => void choose()}>
          Choose…
        </button>
      ) : null}
    </div>
  );
}
