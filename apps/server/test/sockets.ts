import { io, type Socket } from 'socket.io-client';
import type { TestApp } from './app';
import type { TestUser } from './factories';

/**
 * A real socket.io client signed in as `user`, over WebSocket, connected to the test app (which starts
 * listening on the first call). Resolves once connected; a refused handshake closes it and rejects.
 */
export async function connectSocket(t: TestApp, user: Pick<TestUser, 'token'>): Promise<Socket> {
  const baseUrl = t.baseUrl || (await t.listen());
  const socket = io(baseUrl, {
    path: '/socket.io',
    auth: { token: user.token },
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
  return socket;
}
