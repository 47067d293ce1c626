// A source the member has nothing to enter for (an admin connected it for everyone): say so, and allow a test.
import { useState } from 'react';
import { Building2, Loader2, PlugZap } from 'lucide-react';
import type { WorkspaceDatasource } from '../types/admin';
import { TestResult, type TestConnectionResult } from './CredentialFormParts';
import { buttonSecondary, noticeClass } from './ui/styles';

interface Props {
  datasource: WorkspaceDatasource;
  onTest: () => Promise<TestConnectionResult>;
}

export function AdminConnected({ datasource, onTest }: Props) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TestConnectionResult | null>(null);
  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await onTest());
    } catch (err) {
      setResult({ success: false, error: err instanceof Error ? err.message : 'The test failed.' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="space-y-4" data-testid="admin-connected">
      <div className={`flex items-start gap-2 ${noticeClass}`}>
        <Building2 className="mt-0.5 size-4 shrink-0" aria-hidden />
        <p>
          {datasource.configured ? 'Connected by your admin' : 'Your admin has not connected this source yet'}
          {datasource.identity ? ` as ${datasource.identity}` : ''}. There is nothing for you to enter.
        </p>
      </div>
      {result ? <TestResult test={result} /> : null}
      {datasource.configured ? (
        <button type="button" onClick={run} disabled={busy} className={buttonSecondary}>
          {busy ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <PlugZap className="size-4" aria-hidden />}
          Test connection
        </button>
      ) : null}
    </div>
  );
}
