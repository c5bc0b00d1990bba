import { Logger } from '@nestjs/common';
import {
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { rooms, type ClientToServerEvents, type ServerToClientEvents } from '@craftmatch/shared';
import { AccessTokenService } from '../common/access-token.service';
import type { AuthUser } from '../common/request-context';
import { RealtimeService } from './realtime.service';

type AppSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { user: AuthUser }
>;

/** Authenticates each connection with the access token and puts it in its rooms. */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('Realtime');
  @WebSocketServer() server: Server<ClientToServerEvents, ServerToClientEvents>;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly realtime: RealtimeService,
  ) {}

  afterInit(server: Server<ClientToServerEvents, ServerToClientEvents>): void {
    this.realtime.attach(server);
    // A revoked session (or deleted user) loses the sockets this instance authenticated with its tokens.
    this.tokens.onRevoked(({ kind, id }) => {
      for (const socket of server.sockets.sockets.values()) {
        const user = (socket as unknown as AppSocket).data.user;
        if (user && (kind === 'session' ? user.sessionId === id : user.id === id)) socket.disconnect(true);
      }
    });
    server.use((socket, next) => {
      const auth = socket.handshake.auth as { token?: unknown } | undefined;
      const token =
        (typeof auth?.token === 'string' ? auth.token : null) ??
        AccessTokenService.bearer(socket.handshake.headers.authorization);
      if (!token) return next(new Error('UNAUTHENTICATED'));
      try {
        (socket as AppSocket).data.user = this.tokens.verify(token);
        next();
      } catch {
        next(new Error('UNAUTHENTICATED'));
      }
    });
  }

  async handleConnection(socket: AppSocket): Promise<void> {
    const user = socket.data.user;
    if (!user) {
      socket.disconnect(true);
      return;
    }
    const joined = [rooms.user(user.id)];
    if (user.companyId) joined.push(rooms.company(user.companyId));
    if (user.role === 'organizer' || user.role === 'organizer_staff') joined.push(rooms.organizers());
    await socket.join(joined);
    this.logger.debug(`socket ${socket.id} joined ${joined.join(', ')}`);
  }

  @SubscribeMessage('ping')
  ping(socket: AppSocket): { pong: true; userId: string } {
    return { pong: true, userId: socket.data.user.id };
  }
}
