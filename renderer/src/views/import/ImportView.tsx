import { useEffect, useMemo, useState } from 'react';
import type { Req, Res } from '../../../../electron/shared/contract.ts';
import type { ProgressEvent } from '../../../../electron/shared/contract.ts';
import { useClient } from '../../api.ts';
import { useApp } from '../../app/context.ts';
import { Field } from '../../components/Field.tsx';
import { CancelledNotice, isCancelled, JobProgress } from '../../components/JobProgress.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { sourceLabel } from '../../lib/labels.ts';
import { useAction, useCall } from '../../lib/useCall.ts';
import { CsvMapping, isCsv } from './CsvMapping.tsx';
import type { MappingState } from './CsvMapping.tsx';
import { fileName, ImportResult } from './ImportResult.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import { EXPORT_GUIDES, exportGuide } from './export-steps.ts';
import type { ExportGuide } from './export-steps.ts';
import { SCAN_PHASE } from '../../lib/scan-phase.ts';

type Detected = Res<'imports.detect'>['files'][number];
type Encoding = NonNullable<Req<'imports.run'>['encoding']>;
const ENCODINGS: { id: Encoding; label: string }[] = [
  { id: 'utf-8', label: 'UTF-8 (most exports)' },
  { id: 'windows-1252', label: 'Western European (Windows-1252, older Excel files)' },
  { id: 'utf-16le', label: 'UTF-16, little-endian (some Excel “Unicode text” files)' },
  { id: 'utf-16be', label: 'UTF-16, big-endian' },
];
type Report = Res<'imports.run'>['reports'];
/** The phase of an import's progress after it is committed: the scan for personal data. */

/** Paths typed or pasted one per line (quotes from "copy as path" are dropped). */
export function parsePaths(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
}

/** A vendor's export steps, as a short list. */
function Guide({ guide }: { guide: ExportGuide }) {
  return (
    <>
      <ol className="export-steps">{guide.steps.map((step) => <li key={step}>{step}</li>)}</ol>
      {guide.together ? <p className="muted small">{guide.together}</p> : null}
    </>
  );
}

export function ImportView() {
  const client = useClient();
  const app = useApp();
  const formats = useCall('imports.formats', {});
  const [files, setFiles] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [detected, setDetected] = useState<Detected[] | null>(null);
  const [format, setFormat] = useState('');
  const [staff, setStaff] = useState('');
  const [encoding, setEncoding] = useState<Encoding | ''>('');
  const [mapping, setMapping] = useState<MappingState | null>(null);
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [reports, setReports] = useState<Report | null>(null);
  const detect = useAction();
  const run = useAction();

  // What Candor makes of the files, as soon as they are chosen.
  const filesKey = JSON.stringify(files);
  const runDetect = detect.run;
  useEffect(() => {
    const list = JSON.parse(filesKey) as string[];
    if (list.length === 0) return;
    let live = true;
    void runDetect(() => client.call('imports.detect', { files: list })).then((r) => {
      if (live && r) setDetected(r.files);
    });
    return () => {
      live = false;
    };
  }, [client, filesKey, runDetect]);

  const effectiveFormat = format || (detected && detected.length > 0 && detected.every((d) => d.format === detected[0]!.format) ? detected[0]!.format ?? '' : '');
  const csv = isCsv(effectiveFormat);
  const unrecognised = !format && (detected ?? []).some((d) => !d.format);
  const staffKey = staff.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean).join('\n');
  const mappingReady = !csv || (mapping?.valid ?? false);

  const request = useMemo(() => files.length === 0 || unrecognised || !mappingReady ? null : ({
    files,
    ...(format ? { format } : {}),
    ...(encoding ? { encoding } : {}),
    ...(staffKey ? { staff: staffKey.split('\n') } : {}),
    ...(csv && mapping ? { mapping: mapping.value } : {}),
  }), [files, format, encoding, staffKey, csv, mapping, unrecognised, mappingReady]);

  const preview = useCall('imports.preview', request ? { ...request, limit: 5 } : null);

  const addFiles = (paths: string[]) => {
    setFiles((fs) => [...fs, ...paths.filter((p) => !fs.includes(p))]);
    setReports(null);
  };
  const removeFile = (path: string) => {
    setFiles((fs) => fs.filter((f) => f !== path));
    setDetected((d) => d?.filter((x) => x.file !== path) ?? null);
  };
  const choose = async () => {
    const r = await client.invoke('app.pick', { purpose: 'import-files' });
    if (r.ok && r.value.paths.length) addFiles(r.value.paths);
  };

  const start = async (extraStaff: string[] = []) => {
    if (!request) return;
    setProgress(null);
    const off = client.onProgress((e) => {
      if (e.job === 'import') setProgress(e);
    });
    try {
      const staffList = [...new Set([...(request.staff ?? []), ...extraStaff])];
      const r = await run.run(() => client.call('imports.run', { ...request, ...(staffList.length ? { staff: staffList } : {}) }));
      if (r) {
        setReports(r.reports);
        app.dataChanged();
      }
    } finally {
      off();
    }
  };

  const reset = () => {
    setFiles([]);
    setDetected(null);
    setReports(null);
    setFormat('');
    setEncoding('');
    setMapping(null);
    setProgress(null);
  };

  return (
    <main className="page" id="main" tabIndex={-1}>
      <header className="page-header">
        <div>
          <h1 className="page-title">Import</h1>
          <p className="muted">Bring in conversations exported from your help desk, review sites or mailbox. Importing the same file again updates what changed and never duplicates.</p>
        </div>
      </header>
      <div className="page-body">
        {reports ? (
          <ImportResult
            reports={reports}
            onReview={() => app.navigate({ view: 'inbox' })}
            onAgain={reset}
            onAddStaff={(addresses) => {
              setStaff((s0) => [s0, ...addresses].filter(Boolean).join(', '));
              void start(addresses);
            }}
          />
        ) : run.pending ? (
          <section className="card" aria-live="polite">
            {progress?.phase === SCAN_PHASE ? (
              // The import is in by now: stopping the scan keeps it, and the scan finishes at the next filtered search.
              <JobProgress job="import" label="Checking the new conversations for personal data" progress={progress} cancelLabel="Stop checking" cancelHint="The imported conversations are kept; the check finishes later." />
            ) : (
              <JobProgress job="import" label={progress ? `Importing ${fileName(progress.phase)}` : 'Importing…'} progress={progress} />
            )}
          </section>
        ) : (
          <>
            <section className="card step" aria-labelledby="step-files">
              <h2 id="step-files" className="step-title"><span className="step-number">1</span> Choose files</h2>
              {app.info.dialogs ? (
                <div className="form-actions form-actions-start">
                  <button type="button" className="btn btn-primary" onClick={() => void choose()}>Choose files…</button>
                  <span className="muted small">JSON, NDJSON, CSV, mbox or .eml exports.</span>
                </div>
              ) : null}
              <form className="typed-paths" onSubmit={(e) => { e.preventDefault(); addFiles(parsePaths(typed)); setTyped(''); }}>
                <Field label={app.info.dialogs ? 'Or type file paths' : 'File paths'} hint="One per line, the full path to each export file on this computer.">
                  <textarea className="input mono" rows={2} value={typed} onChange={(e) => setTyped(e.target.value)} spellCheck={false} placeholder="/home/you/Downloads/zendesk-tickets.json" />
                </Field>
                <div className="form-actions form-actions-start">
                  <button type="submit" className="btn btn-secondary" disabled={!typed.trim()}>Add files</button>
                </div>
              </form>
              {files.length ? (
                <ul className="file-list" aria-label="Files to import">
                  {files.map((f) => {
                    const d = detected?.find((x) => x.file === f);
                    return (
                      <li key={f} className="file-item">
                        <div className="file-main">
                          <span className="file-name">{fileName(f)}</span>
                          <span className="muted small mono">{f}</span>
                        </div>
                        <div className="file-format">
                          {!d ? <span className="muted">Checking…</span> : d.format ? <span className="badge badge-format" title={d.label ?? undefined}>{sourceLabel(d.format)}</span> : <span className="problem">Not recognised</span>}
                          {d?.companion ? <span className="muted small" style={{ marginLeft: '0.5rem' }}>{d.companion}, joined to the tickets chosen with it</span> : d?.label ? <span className="muted small" style={{ marginLeft: '0.5rem' }}>{d.label}</span> : null}
                        </div>
                        <button type="button" className="btn-icon" aria-label={`Remove ${fileName(f)}`} onClick={() => removeFile(f)}>×</button>
                        {d?.error ? <p className="file-error">{d.error}</p> : null}
                      </li>
                    );
                  })}
                </ul>
              ) : null}
              {detect.error ? <ErrorNotice error={detect.error} /> : null}
              <details className="export-guides">
                <summary>Where to find your export</summary>
                {Object.entries(EXPORT_GUIDES).map(([id, guide]) => (
                  <section key={id} className="export-guide" aria-label={`How to export from ${guide.title}`}>
                    <h3 className="subheading">{guide.title}</h3>
                    <Guide guide={guide} />
                  </section>
                ))}
              </details>
            </section>

            {files.length ? (
              <section className="card step" aria-labelledby="step-format">
                <h2 id="step-format" className="step-title"><span className="step-number">2</span> Check the format</h2>
                <div className="grid-2">
                  <Field label="Format" hint={format ? 'Chosen by you.' : effectiveFormat ? `Detected from the content: ${sourceLabel(effectiveFormat)}.` : 'Candor could not tell: choose one.'}>
                    <select className="input" value={format} onChange={(e) => setFormat(e.target.value)}>
                      <option value="">{effectiveFormat ? `Detected: ${sourceLabel(effectiveFormat)}` : 'Detect automatically'}</option>
                      {formats.data?.formats.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
                    </select>
                  </Field>
                  <Field label="Your staff's e-mail addresses (optional)" hint="Addresses or whole domains (@yourcompany.com) your support team writes from. E-mail and spreadsheets do not say who is staff: messages from these are your replies. Saved for next time.">
                    <input className="input" value={staff} onChange={(e) => setStaff(e.target.value)} placeholder="@northwind.example, support@northwind.example" />
                  </Field>
                  <Field label="Text encoding" hint="Leave it to Candor unless the preview shows garbled letters (such as “Ã©” for “é”).">
                    <select className="input" value={encoding} onChange={(e) => setEncoding(e.target.value as Encoding | '')}>
                      <option value="">Detect automatically</option>
                      {ENCODINGS.map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
                    </select>
                  </Field>
                </div>
                {exportGuide(effectiveFormat) ? (
                  <div className="export-guide" aria-label={`Exporting from ${exportGuide(effectiveFormat)!.title}`}>
                    <h3 className="subheading">Exporting from {exportGuide(effectiveFormat)!.title}</h3>
                    <Guide guide={exportGuide(effectiveFormat)!} />
                  </div>
                ) : null}
              </section>
            ) : null}

            {files.length && csv ? (
              <section className="card step" aria-labelledby="step-mapping">
                <h2 id="step-mapping" className="step-title"><span className="step-number">3</span> Match the columns</h2>
                <CsvMapping file={files[0]!} onChange={setMapping} />
              </section>
            ) : null}

            {files.length ? (
              <section className="card step" aria-labelledby="step-preview">
                <h2 id="step-preview" className="step-title"><span className="step-number">{csv ? 4 : 3}</span> Preview</h2>
                {!request ? (
                  <p className="muted">{unrecognised ? 'Choose the format of the files Candor did not recognise.' : csv ? 'Match at least the required columns to see a preview.' : 'Add a file to see a preview.'}</p>
                ) : preview.status === 'loading' ? (
                  <Loading label="Reading the first conversations…" />
                ) : preview.status === 'error' ? (
                  <ErrorNotice error={preview.error} title="The file could not be read this way" />
                ) : (
                  <>
                    <p className="muted small">The first conversations of {fileName(files[0]!)}, as they will be stored.</p>
                    <PreviewTable preview={preview.data} />
                  </>
                )}
                {isCancelled(run.error) ? <CancelledNotice /> : run.error ? <ErrorNotice error={run.error} title="Nothing was imported" /> : null}
                <div className="form-actions form-actions-start">
                  <button type="button" className="btn btn-primary" disabled={!request || preview.status !== 'ready'} onClick={() => void start([])}>
                    Import {files.length === 1 ? 'this file' : `${files.length} files`}
                  </button>
                  <button type="button" className="btn btn-ghost" onClick={reset}>Start over</button>
                </div>
              </section>
            ) : null}
          </>
        )}
      </div>
    </main>
  );
}
