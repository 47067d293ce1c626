// My activity: what the signed-in person did (tool calls, credential changes, sign-ins), from /api/activity,
// in the same table and filters as the admin's audit log.
import { AuditLog } from './audit/AuditLog';
import { ChatHeader } from './ChatHeader';

export function ActivityView({ onOpenSidebar }: { onOpenSidebar: () => void }) {
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <ChatHeader onOpenSidebar={onOpenSidebar} title="My activity" />
      <div className="min-h-0 flex-1 overflow-y-auto">
        <div className="mx-auto w-full max-w-5xl space-y-4 px-4 py-6 sm:px-6">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Every tool Mosaic called for you, what you approved, and changes to your connections. Your admins see the same entries in the
            workspace audit log.
          </p>
          <AuditLog scope="mine" />
        </div>
      </div>
    </div>
  );
}
