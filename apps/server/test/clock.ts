import { Clock } from '../src/common/clock';

/** A clock tests move by hand: no sleeping to reach an expiry. */
export class TestClock extends Clock {
  private current: Date;

  constructor(start: Date = new Date('2026-11-27T02:00:00Z')) {
    super();
    this.current = new Date(start);
  }

  override now(): Date {
    return new Date(this.current);
  }

  set(date: Date): void {
    this.current = new Date(date);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
