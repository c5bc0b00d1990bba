import { io, type Socket } from 'socket.io-client';
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from '@craftmatch/shared';
import { tokenStore } from './api-client';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: AppSocket | null = null;

/** One socket per signed-in session; follows the access token as it is refreshed. */
export function connectSocket(): AppSocket {
  if (socket) return socket;
  socket = io({
    path: SOCKET_PATH,
    // A function, so every reconnection presents the newest token.
    auth: (cb) => cb({ token: tokenStore.get() }),
    transports: ['websocket', 'polling'],
  });
  return socket;
}

export function disconnectSocket() {
  socket?.disconnect();
  socket = null;
}

tokenStore.subscribe((token) => {
  if (!socket) return;
  if (!token) {
    disconnectSocket();
    return;
  }
  // The server checks the token at the handshake: reconnect to present the new one.
  socket.disconnect().connect();
});
