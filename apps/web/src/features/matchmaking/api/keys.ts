/** Every matchmaking key starts with 'matchmaking': a wish change refreshes them all at once. */
export const matchmakingKeys = {
  all: ['matchmaking'] as const,
  fairs: ['matchmaking', 'fairs'] as const,
  recommendationsOf: (fairId: string) => ['matchmaking', 'recommendations', fairId] as const,
  recommendations: (fairId: string, page: number, pageSize: number) =>
    ['matchmaking', 'recommendations', fairId, page, pageSize] as const,
  wishes: (fairId: string) => ['matchmaking', 'wishes', fairId] as const,
};
