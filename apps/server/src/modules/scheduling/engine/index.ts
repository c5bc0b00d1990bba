export * from './types';
export { schedule } from './schedule';
export { upperBound } from './bound';
export { checkSchedule } from './check';
