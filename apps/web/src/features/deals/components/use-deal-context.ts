import { useSearchParams } from 'react-router';
import { useMe } from '../../../lib/session';
import { useDealFairs } from '../api/fairs';

export type DealSide = 'buyer' | 'exhibitor';

/** The caller's side, own company and the fair chosen in `?fair=` (the first live fair by default). */
export function useDealContext() {
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const kind = me.data?.company?.kind;
  const side: DealSide | null = kind === 'buyer' || kind === 'exhibitor' ? kind : null;
  const fairs = useDealFairs();
  const fairId = params.get('fair') ?? fairs.data?.[0]?.id ?? null;
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    if (key === 'fair' || key === 'status') next.delete('page');
    setParams(next, { replace: true });
  };
  return { me, side, companyId: me.data?.company?.id ?? null, fairs, fairId, params, setParam };
}
