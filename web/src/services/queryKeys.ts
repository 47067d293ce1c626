// Every TanStack Query key, so what is cached and what is invalidated cannot drift apart.
export const queryKeys = {
  datasources: ['datasources'] as const,
  credentialStatus: (datasource: string) => ['credential-status', datasource] as const,
  sessions: ['sessions'] as const,
  providers: ['providers'] as const,
};
