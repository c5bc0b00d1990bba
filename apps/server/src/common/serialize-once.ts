/**
 * Answers that many requests share, such as a cached fair, are serialised once. `serializeOnce(value)`
 * freezes the value deeply, so that it can no longer differ from its JSON, and remembers that JSON.
 * `replyJson`, Fastify's reply serializer (app.factory), answers such a value from memory and
 * anything else with JSON.stringify, as Fastify does by default.
 */
const remembered = new WeakMap<object, string>();

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}

export function serializeOnce<T extends object>(value: T): T {
  deepFreeze(value);
  remembered.set(value, JSON.stringify(value));
  return value;
}

export function replyJson(payload: unknown): string {
  if (payload !== null && typeof payload === 'object') {
    const json = remembered.get(payload);
    if (json !== undefined) return json;
  }
  return JSON.stringify(payload);
}
