/**
 * What the check-in page runs in the browser, free of server code (the module's index.ts also
 * exports services, which must never reach a client bundle): reading a scan, the offline queue's
 * merge, and the IndexedDB store.
 */
export { parseCheckInScan, type ScannedCode } from './check-in-code.ts';
export {
  type AttendeeView,
  applyOutcomes,
  type CachedAttendee,
  countAttendance,
  filterAttendees,
  mergeQueue,
  type QueuedCheckIn,
} from './checkin-queue.ts';
export { type CachedList, dequeue, enqueue, readList, readQueue, saveList } from './checkin-store.ts';
