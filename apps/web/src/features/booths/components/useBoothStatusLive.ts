import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Booth, BoothStatusEvent } from '@craftmatch/shared';
import { connectSocket } from '../../../lib/socket';
import { boothKeys } from '../api/keys';

/** Applies `booth:status` pushes to the cached "my booths" list at once, then refetches it. */
export function useBoothStatusLive() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = connectSocket();
    const onStatus = (event: BoothStatusEvent) => {
      queryClient.setQueryData<Booth[]>(boothKeys.mine, (booths) =>
        booths?.map((b) =>
          b.id === event.boothId
            ? {
                ...b,
                status: event.status,
                code: event.code,
                hallCode: event.hallCode,
                statusReason: event.reason,
              }
            : b,
        ),
      );
      void queryClient.invalidateQueries({ queryKey: boothKeys.mine });
    };
    socket.on('booth:status', onStatus);
    return () => {
      socket.off('booth:status', onStatus);
    };
  }, [queryClient]);
}
