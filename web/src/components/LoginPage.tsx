// Sign in / create account. Errors appear next to the field they concern; lockouts are explained.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { Loader2, Lock } from 'lucide-react';
import { useAuth } from '../contexts/AuthContext';
import { ApiError } from '../services/http';
import { cn } from '../utils/cn';
import { SignupNotice, useSignupInfo } from './SignupNotice';

type Mode = 'login' | 'signup';

interface FieldProps {
  id: string;
  label: string;
  type: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  autoComplete: string;
  hint?: string;
  readOnly?: boolean;
}

function Field({ id, label, type, value, onChange, error, autoComplete, hint, readOnly }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete={autoComplete}
        readOnly={readOnly}
        required
        aria-invalid={!!error}
        aria-describedby={describedBy}
        className={cn(
          'mt-1 block w-full rounded-lg border bg-white px-3 py-2.5 text-[15px] text-zinc-900',
          'shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-4 focus:ring-indigo-500/15',
          'dark:bg-zinc-900 dark:text-zinc-100',
          readOnly ? 'bg-zinc-100 dark:bg-zinc-800' : '',
          error ? 'border-red-500' : 'border-zinc-300 dark:border-zinc-700',
        )}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Turns a failed login/signup into a message a person understands. */
export function describeAuthError(err: unknown, mode: Mode): { message: string; fields: Record<string, string>; locked: boolean } {
  if (!(err instanceof ApiError)) return { message: 'Something went wrong. Try again.', fields: {}, locked: false };
  const fields: Record<string, string> = {};
  for (const [key, msgs] of Object.entries(err.errors)) fields[key.toLowerCase()] = msgs.join(' ');
  if (err.status === 423 || (err.status === 429 && mode === 'login')) {
    const seconds = err.retryAfterSeconds;
    const wait = seconds
      ? ` Try again in ${seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`}.`
      : ' Wait a few minutes and try again.';
    const why =
      err.status === 423 ? 'This account is temporarily locked after too many failed sign-in attempts.' : 'Too many attempts from here.';
    return {
      message: `${why}${wait}`,
      fields,
      locked: true,
    };
  }
  if (err.status === 429)
    return {
      message: `Too many attempts.${err.retryAfterSeconds ? ` Try again in ${err.retryAfterSeconds} seconds.` : ' Try again shortly.'}`,
      fields,
      locked: true,
    };
  if (err.status === 401) return { message: err.detail ?? 'Invalid email or password.', fields, locked: false };
  // A refused sign-up (invitation-only, wrong domain, invitation for another address): the server's one sentence.
  if (err.status === 403) return { message: err.detail ?? 'You cannot create an account here.', fields: {}, locked: false };
  if (err.status === 409)
    return {
      message: err.detail ?? 'An account with this email already exists.',
      fields: { email: err.detail ?? 'This email is already registered.' },
      locked: false,
    };
  if (Object.keys(fields).length > 0) return { message: err.title ?? 'Please check the highlighted fields.', fields, locked: false };
  return { message: err.message, fields, locked: false };
}

export function LoginPage() {
  const { login, signup, notice } = useAuth();
  const id = useId();
  const [params] = useSearchParams();
  const invite = params.get('invite') ?? undefined;
  const [mode, setMode] = useState<Mode>(useLocation().pathname === '/signup' || invite ? 'signup' : 'login');
  const signupInfo = useSignupInfo(mode === 'signup', invite);
  const invitedEmail = signupInfo.invite?.email ?? undefined;
  const [email, setEmail] = useState('');
  useEffect(() => {
    if (invitedEmail) setEmail(invitedEmail);
  }, [invitedEmail]);
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string>; locked: boolean } | null>(null);
  const [failures, setFailures] = useState(0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (!email.trim()) fields.email = 'Enter your email address.';
    else if (!/^\S+@\S+\.\S+$/.test(email.trim())) fields.email = 'Enter a valid email address, like you@company.com.';
    if (!password) fields.password = 'Enter your password.';
    if (mode === 'signup' && !name.trim()) fields.name = 'Enter your name.';
    if (Object.keys(fields).length) {
      setError({ message: '', fields, locked: false });
      return;
    }

    setBusy(true);
    setError(null);
    try {
      if (mode === 'login') await login(email.trim(), password);
      else await signup(email.trim(), password, name.trim(), signupInfo.invite ? invite : undefined);
    } catch (err) {
      const described = describeAuthError(err, mode);
      if (err instanceof ApiError && err.status === 401) setFailures((n) => n + 1);
      setError(described);
    } finally {
      setBusy(false);
    }
  };

  const switchMode = (m: Mode) => {
    setMode(m);
    setError(null);
  };

  return (
    <main
      className={cn(
        'flex min-h-full items-center justify-center bg-gradient-to-b from-zinc-50 to-white px-4',
        'py-12 dark:from-zinc-950 dark:to-zinc-900',
      )}
    >
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <img src="/mosaic.svg" alt="" className="mx-auto size-12" />
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">
            {mode === 'login' ? 'Sign in to Mosaic' : 'Create your Mosaic account'}
          </h1>
          <p className="mt-1.5 text-sm text-zinc-600 dark:text-zinc-400">
            One place to ask about Slack, Jira, GitHub, S3, MySQL, Google Workspace and Shopify.
          </p>
        </div>

        <div
          role="tablist"
          aria-label="Account"
          className="mb-5 grid grid-cols-2 rounded-xl bg-zinc-100 p-1 text-sm font-medium dark:bg-zinc-800"
        >
          {(['login', 'signup'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              onClick={() => switchMode(m)}
              className={cn(
                'rounded-lg py-1.5 transition',
                mode === m
                  ? 'bg-white text-zinc-900 shadow-sm dark:bg-zinc-950 dark:text-zinc-50'
                  : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
              )}
            >
              {m === 'login' ? 'Sign in' : 'Sign up'}
            </button>
          ))}
        </div>

        <form
          onSubmit={submit}
          noValidate
          className="space-y-4 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900/70"
          aria-label={mode === 'login' ? 'Sign in' : 'Sign up'}
        >
          {notice && !error ? (
            <p role="status" className="rounded-lg bg-zinc-100 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
              {notice}
            </p>
          ) : null}
          {mode === 'signup' ? <SignupNotice info={signupInfo} /> : null}
          {mode === 'signup' ? (
            <Field
              id={`${id}-name`}
              label="Name"
              type="text"
              value={name}
              onChange={setName}
              error={error?.fields.name}
              autoComplete="name"
            />
          ) : null}
          <Field
            id={`${id}-email`}
            label="Email"
            type="email"
            value={email}
            onChange={setEmail}
            error={error?.fields.email}
            autoComplete="email"
            readOnly={mode === 'signup' && !!invitedEmail}
            hint={mode === 'signup' && invitedEmail ? 'The invitation is for this address.' : undefined}
          />
          <Field
            id={`${id}-password`}
            label="Password"
            type="password"
            value={password}
            onChange={setPassword}
            error={error?.fields.password}
            autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
            hint={mode === 'signup' ? 'At least 8 characters. Avoid common passwords.' : undefined}
          />

          {error?.message ? (
            <div
              role="alert"
              className={cn(
                'flex gap-2 rounded-lg px-3 py-2.5 text-sm',
                error.locked
                  ? 'bg-amber-50 text-amber-900 dark:bg-amber-500/10 dark:text-amber-200'
                  : 'bg-red-50 text-red-800 dark:bg-red-950/40 dark:text-red-200',
              )}
            >
              {error.locked ? <Lock className="mt-0.5 size-4 shrink-0" aria-hidden /> : null}
              <div>
                <p>{error.message}</p>
                {mode === 'login' && !error.locked && failures >= 2 ? (
                  <p className="mt-1 text-xs opacity-90">
                    For your security, several failed attempts lock the account for a few minutes. If you are locked out, wait and try
                    again.
                  </p>
                ) : null}
              </div>
            </div>
          ) : null}

          <button
            type="submit"
            disabled={busy || (mode === 'signup' && signupInfo.closed)}
            className={cn(
              'flex w-full items-center justify-center gap-2 rounded-lg bg-indigo-600 px-4 py-2.5 text-sm',
              'font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60',
            )}
          >
            {busy ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
            {mode === 'login' ? 'Sign in' : 'Create account'}
          </button>
        </form>
        <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
          {mode === 'login' ? 'New to Mosaic? ' : 'Already have an account? '}
          <button
            type="button"
            onClick={() => switchMode(mode === 'login' ? 'signup' : 'login')}
            className="font-medium text-indigo-600 hover:underline dark:text-indigo-300"
          >
            {mode === 'login' ? 'Create an account' : 'Sign in'}
          </button>
        </p>
      </div>
    </main>
  );
}
