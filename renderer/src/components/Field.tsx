import { cloneElement, isValidElement, useId } from 'react';
import type { ReactElement, ReactNode } from 'react';

type ControlProps = { id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean };

/**
 * A labelled form control with its hint and its problems underneath (lint findings, validation). The control is
 * linked to both by aria-describedby, so screen readers read them with the field.
 */
export function Field({ label, hint, errors, children, extra, className }: { label: ReactNode; hint?: ReactNode; errors?: ReactNode[]; children: ReactElement<ControlProps>; extra?: ReactNode; className?: string }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-problems`;
  const hasErrors = Boolean(errors && errors.length > 0);
  const describedBy = [hint ? hintId : null, hasErrors ? errId : null].filter(Boolean).join(' ') || undefined;
  const control = isValidElement(children) ? cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': hasErrors || undefined }) : children;
  return (
    <div className={`field${hasErrors ? ' field-has-problems' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field-label" htmlFor={id}>{label}</label>
      {control}
      {hint ? <div id={hintId} className="field-hint">{hint}</div> : null}
      {hasErrors ? <div id={errId} className="field-problems">{errors}</div> : null}
      {extra}
    </div>
  );
}
