import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { rooms, type ClientToServerEvents, type ServerToClientEvents } from '@craftmatch/shared';

type Event = keyof ServerToClientEvents;
type Payload<E extends Event> = Parameters<ServerToClientEvents[E]>[0];

/** Typed pushes to rooms. With the Redis adapter they reach clients on every instance. */
@Injectable()
export class RealtimeService {
  private server?: Server<ClientToServerEvents, ServerToClientEvents>;

  attach(server: Server<ClientToServerEvents, ServerToClientEvents>): void {
    this.server = server;
  }

  private emit<E extends Event>(room: string, event: E, payload: Payload<E>): void {
    if (!this.server) return;
    (this.server.to(room).emit as (event: string, payload: unknown) => boolean)(event, payload);
  }

  toUser<E extends Event>(userId: string, event: E, payload: Payload<E>): void {
    this.emit(rooms.user(userId), event, payload);
  }

  toCompany<E extends Event>(companyId: string, event: E, payload: Payload<E>): void {
    this.emit(rooms.company(companyId), event, payload);
  }

  toOrganizers<E extends Event>(event: E, payload: Payload<E>): void {
    this.emit(rooms.organizers(), event, payload);
  }

  /**
   * One event to several users and the organizers' room: a single broadcast (one Redis message however
   * many rooms), and a socket in several of the rooms gets it once.
   */
  toUsersAndOrganizers<E extends Event>(userIds: Iterable<string>, event: E, payload: Payload<E>): void {
    if (!this.server) return;
    const targets = [...new Set(userIds)].map((id) => rooms.user(id));
    targets.push(rooms.organizers());
    (this.server.to(targets).emit as (event: string, payload: unknown) => boolean)(event, payload);
  }
}
