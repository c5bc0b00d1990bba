export const dataExchangeKeys = {
  fairs: ['data-exchange', 'fairs'] as const,
  import: (id: string) => ['data-exchange', 'import', id] as const,
  report: (id: string) => ['data-exchange', 'import', id, 'report'] as const,
};
