// A credential form generated from a connector's declared fields. Saved values are never sent back
// by the server, so the form starts empty; secrets are cleared from memory right after saving.
import { useId, useState, type FormEvent } from 'react';
import { Eye, EyeOff, Loader2, PlugZap } from 'lucide-react';
import { ApiError } from '../services/http';
import type { Datasource } from '../types';
import { cn } from '../utils/cn';
import { toPayload, validateFields, type CredentialValues } from '../utils/credentialFields';
import { ConfiguredBanner, RemoveCredentials, TestResult, type TestConnectionResult } from './CredentialFormParts';

export type { TestConnectionResult } from './CredentialFormParts';

type Values = CredentialValues;

interface Props {
  datasource: Datasource;
  updatedAt?: string | null;
  /** Who the saved credentials act as, when a test or the server found out. */
  identity?: string | null;
  /** Offer a connection test (with onTest). */
  testSupported?: boolean;
  onSave: (credentials: Record<string, string | boolean>) => Promise<void>;
  onDelete: () => Promise<void>;
  /** Tests the form's values when any were entered (`unsaved`), else the saved credentials. */
  onTest?: (unsaved?: Record<string, string | boolean>) => Promise<TestConnectionResult | null>;
}

const inputClass = cn(
  'mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-500',
  'focus:border-indigo-500 focus:outline-none focus:ring-4 focus:ring-indigo-500/15',
  'dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-500',
);

export function CredentialForm({ datasource, updatedAt, identity, testSupported, onSave, onDelete, onTest }: Props) {
  const formId = useId();
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'delete' | 'test' | null>(null);
  const [revealed, setRevealed] = useState<Record<string, boolean>>({});
  const [test, setTest] = useState<TestConnectionResult | null>(null);
  const fields = datasource.credential_fields;
  const edited = Object.values(values).some((v) => v !== '' && v !== false);

  const setValue = (name: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors(({ [name]: _, ...rest }) => rest);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    setFormError(null);
    setTest(null);
    const found = validateFields(fields, values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`${formId}-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy('save');
    try {
      await onSave(toPayload(fields, values));
      setValues({}); // don't keep secrets around once they are stored
      setRevealed({});
      setNotice(`${datasource.name} credentials saved.`);
    } catch (err) {
      if (err instanceof ApiError) {
        const fieldErrors: Record<string, string> = {};
        const general: string[] = [];
        for (const [key, messages] of Object.entries(err.errors)) {
          const name = key.replace(/^credentials\./i, '');
          if (fields.some((f) => f.name === name)) fieldErrors[name] = messages.join(' ');
          else general.push(...messages);
        }
        setErrors(fieldErrors);
        setFormError(
          general.length
            ? general.join(' ')
            : Object.keys(fieldErrors).length
              ? (err.title ?? 'Please fix the highlighted fields.')
              : err.message,
        );
      } else {
        setFormError('Could not save the credentials. Try again.');
      }
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    setBusy('delete');
    setFormError(null);
    setNotice(null);
    setTest(null);
    try {
      await onDelete();
      setNotice(`${datasource.name} credentials removed.`);
      return true;
    } catch (err) {
      setFormError(err instanceof Error ? err.message : 'Could not remove the credentials.');
      return false;
    } finally {
      setBusy(null);
    }
  };

  const runTest = async () => {
    if (!onTest) return;
    setBusy('test');
    setTest(null);
    setFormError(null);
    setNotice(null);
    try {
      setTest(await onTest(edited ? toPayload(fields, values) : undefined));
    } catch (err) {
      setTest({ success: false, error: err instanceof Error ? err.message : 'The test failed.' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`${datasource.name} credentials`} className="space-y-4">
      {datasource.configured ? <ConfiguredBanner updatedAt={updatedAt} identity={identity} /> : null}

      {datasource.credential_rules?.length ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{datasource.credential_rules.join(' ')}</p>
      ) : null}

      {fields.map((f) => {
        const id = `${formId}-${f.name}`;
        const err = errors[f.name];
        const describedBy = [f.help ? `${id}-help` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
        if (f.type === 'checkbox') {
          return (
            <div key={f.name} className="flex items-start gap-3">
              <input
                id={id}
                type="checkbox"
                checked={values[f.name] === true}
                onChange={(e) => setValue(f.name, e.target.checked)}
                aria-describedby={describedBy}
                className="mt-0.5 size-4 rounded border-zinc-300 text-indigo-600 focus:ring-indigo-500 dark:border-zinc-600"
              />
              <div>
                <label htmlFor={id} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
                  {f.label}
                </label>
                {f.help ? (
                  <p id={`${id}-help`} className="text-xs text-zinc-500 dark:text-zinc-400">
                    {f.help}
                  </p>
                ) : null}
              </div>
            </div>
          );
        }
        const secret = f.type === 'password';
        return (
          <div key={f.name}>
            <label htmlFor={id} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
              {f.label}
              {f.required ? (
                <span className="text-red-600 dark:text-red-400" aria-hidden>
                  {' '}
                  *
                </span>
              ) : (
                <span className="font-normal text-zinc-500"> (optional)</span>
              )}
            </label>
            <div className="relative">
              <input
                id={id}
                name={f.name}
                type={secret && !revealed[f.name] ? 'password' : f.type === 'number' ? 'text' : f.type === 'url' ? 'url' : 'text'}
                inputMode={f.type === 'number' ? 'numeric' : undefined}
                value={typeof values[f.name] === 'string' ? (values[f.name] as string) : ''}
                onChange={(e) => setValue(f.name, e.target.value)}
                placeholder={secret && datasource.configured ? 'Saved — enter a new value to replace' : (f.placeholder ?? '')}
                required={f.required}
                aria-required={f.required}
                aria-invalid={!!err}
                aria-describedby={describedBy}
                autoComplete={secret ? 'new-password' : 'off'}
                spellCheck={false}
                className={cn(
                  inputClass,
                  secret ? 'pr-10' : '',
                  err ? 'border-red-500 dark:border-red-500' : 'border-zinc-300 dark:border-zinc-700',
                )}
              />
              {secret ? (
                <button
                  type="button"
                  onClick={() => setRevealed((r) => ({ ...r, [f.name]: !r[f.name] }))}
                  aria-label={revealed[f.name] ? `Hide ${f.label}` : `Show ${f.label}`}
                  aria-pressed={!!revealed[f.name]}
                  className={cn(
                    'absolute inset-y-0 right-0 flex w-10 items-center justify-center text-zinc-500',
                    'hover:text-zinc-800 dark:hover:text-zinc-200',
                  )}
                >
                  {revealed[f.name] ? <EyeOff className="size-4" aria-hidden /> : <Eye className="size-4" aria-hidden />}
                </button>
              ) : null}
            </div>
            {f.help ? (
              <p id={`${id}-help`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                {f.help}
              </p>
            ) : null}
            {err ? (
              <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-600 dark:text-red-400">
                {err}
              </p>
            ) : null}
          </div>
        );
      })}

      {formError ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-200">
          {formError}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="rounded-lg bg-zinc-100 px-3 py-2 text-sm text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
          {notice}
        </p>
      ) : null}
      {test ? <TestResult test={test} /> : null}

      <div className="flex flex-wrap items-center gap-2 pt-1">
        <button
          type="submit"
          disabled={busy !== null}
          className={cn(
            'inline-flex items-center gap-2 rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold',
            'text-white hover:bg-indigo-500 disabled:opacity-60',
          )}
        >
          {busy === 'save' ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
          {datasource.configured ? 'Replace credentials' : 'Save'}
        </button>
        {(datasource.configured || edited) && testSupported && onTest ? (
          <button
            type="button"
            onClick={runTest}
            disabled={busy !== null}
            className={cn(
              'inline-flex items-center gap-2 rounded-lg border border-zinc-300 px-4 py-2 text-sm',
              'font-medium text-zinc-800 hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700',
              'dark:text-zinc-200 dark:hover:bg-zinc-800',
            )}
          >
            {busy === 'test' ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <PlugZap className="size-4" aria-hidden />} Test
            connection
          </button>
        ) : null}
        {datasource.configured ? <RemoveCredentials busy={busy !== null} onRemove={remove} /> : null}
      </div>
    </form>
  );
}
