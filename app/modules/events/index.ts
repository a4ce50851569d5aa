/** The events module's public surface: events and workshops, their agenda, invitations, registration, check-in, outputs and statistics. */

// Calendars (iCalendar text for one event or a feed; personal feeds) and venue wall-clock times.
export { hasPersonalFeed, personalCalendarFeed, personalFeedPath, renewPersonalFeed } from './calendar/calendar-feed.service.server.ts';
export { buildEventCalendar, type CalendarEvent, type CalendarInput, type CalendarSession } from './calendar/event-calendar.ts';
export {
  EVENT_TIME_ZONES,
  type EventTimeZone,
  fromLocalInput,
  localDayKey,
  localMonthKey,
  toLocalInput,
} from './calendar/zoned-time.ts';
export { checkInQrPayload, parseCheckInScan, type ScannedCode } from './checkin/check-in-code.ts';
export { checkInQrPng, checkInQrSvg } from './checkin/check-in-qr.server.ts';
export { createCheckInApi } from './checkin/checkin.api.server.ts';
export type {
  Attendee,
  AttendeesPage,
  CheckInEntry,
  CheckInOutcome,
  CheckInsPage,
  SyncCheckInsResult,
} from './checkin/checkin.contracts.ts';
export {
  type CheckInDesk,
  checkIn,
  eventBadges,
  getCheckInDesk,
  listAttendees,
  listCheckIns,
  myBadge,
  syncCheckIns,
  undoCheckIn,
} from './checkin/checkin.service.server.ts';
// Check-in (checkin/): check-in by code or name, the offline queue's sync, undo, attendance lists, badges.
export { type BadgeHolder, badgeFileName } from './checkin/checkin-badges.ts';
// The events core: contracts, the service (create, edit, publish, cancel, agenda, calendar, ICS), grouping for pages.
export { groupEventsByMonth, groupSessionsByDay } from './event-agenda.ts';
export { createEventsApi, EVENTS_TAG } from './events.api.server.ts';
export {
  type CancelEventInput,
  type CreateEventInput,
  cancelEventInputSchema,
  createEventInputSchema,
  EVENT_LIST_WHEN,
  EVENTS_PAGE_SIZE,
  type EventDetail,
  type EventList,
  type EventSession,
  type EventSummary,
  eventListSchema,
  eventSchema,
  eventSlugSchema,
  eventSummarySchema,
  type ListEventsInput,
  listEventsInputSchema,
  type SessionInput,
  sessionInputSchema,
  sessionSchema,
  type UpdateEventInput,
  type UpdateSessionInput,
  updateEventInputSchema,
  updateSessionInputSchema,
} from './events.contracts.ts';
export {
  canCheckIn,
  canCreateEvent,
  canManageEvent,
  canReadEvent,
  canRegister,
  EVENTS_CHECKIN,
  EVENTS_MANAGE,
  EVENTS_REGISTER,
  eventSubject,
  type PolicyEvent,
} from './events.policy.ts';
export {
  EVENT_FORMATS,
  EVENT_STATUSES,
  EVENT_TYPES,
  EVENT_VISIBILITIES,
  type EventFormat,
  type EventStatus,
  type EventType,
  type EventVisibility,
  REGISTRATION_STATUSES,
  type RegistrationStatus,
} from './events.schema.ts';
export {
  addSession,
  calendarEventOf,
  cancelEvent,
  createEvent,
  type EventFormChoices,
  eventCalendarFile,
  eventFormChoices,
  eventUrl,
  formatEventWhen,
  getEvent,
  listEvents,
  listManagedDrafts,
  loadReadableEvent,
  publicCalendarFeed,
  publishEvent,
  removeSession,
  updateEvent,
  updateSession,
} from './events.service.server.ts';
export { type DemoEventCounts, seedDemoEvents } from './events-demo.server.ts';
// The demo events: the programme's eight thematic workshops and its regional workshop (events-demo.ts).
export { DEMO_EVENT_SLUGS } from './events-demo.ts';
// Follow-up (followup/): decisions, actions, minutes, documents; open actions across events.
export { contentDisposition, createFollowUpApi } from './followup/followup.api.server.ts';
export {
  type FollowUp,
  type FollowUpAction,
  followUpSchema,
  type OpenActions,
  openActionsSchema,
} from './followup/followup.contracts.ts';
export { ACTION_STATUSES, type ActionStatus } from './followup/followup.schema.ts';
export {
  createAction,
  createDecision,
  deleteAction,
  deleteDecision,
  deleteDocument,
  getFollowUp,
  listOpenActions,
  openDocument,
  saveMinutes,
  setActionStatus,
  updateAction,
  updateDecision,
  uploadDocument,
} from './followup/followup.service.server.ts';
export { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from './followup/followup.ts';
// Invitations (invitations/): the invitation list with its balance, sending personal links, the share link, tracking.
export type { InvitationBalance, Share as InvitationShare } from './invitations/invitation-balance.ts';
export type {
  AddInvitationsInput,
  AddInvitationsResult,
  InvitationCounts,
  InvitationEntry,
  InvitationList,
  SendInvitationsResult,
} from './invitations/invitations.contracts.ts';
export {
  addInvitations,
  declineInvitationLink,
  getInvitationBalance,
  getInvitationList,
  openInvitationLink,
  removeInvitation,
  sendInvitations,
  setWomenTarget,
} from './invitations/invitations.service.server.ts';
export { invitedPath, registerPath, shareLinks } from './invitations/invitations.ts';
// Registration (registration/): register, cancel, staff decisions, the waiting list, mails and reminders.
export { createRegistrationApi } from './registration/registration.api.server.ts';
export {
  REGISTRATIONS_PAGE_SIZE,
  type RegisterInput,
  type RegistrationCounts,
  type RegistrationList,
  type RegistrationView,
  registerInputSchema,
  registrationListSchema,
  registrationSchema,
} from './registration/registration.contracts.ts';
export {
  approveRegistration,
  cancelRegistration,
  declineRegistration,
  getMyRegistrationPage,
  getRegisterPage,
  getRegistrationCalendar,
  getRegistrationFormSetting,
  listMyEvents,
  listRegistrations,
  registerForEvent,
  setRegistrationForm,
} from './registration/registration.service.server.ts';
export { GENDERS as REGISTRATION_GENDERS } from './registration/registration.ts';
// Statistics (statistics/): the funnel and its breakdowns, the programme-wide view, XLSX and participant lists.
export { createStatisticsApi } from './statistics/statistics.api.server.ts';
export {
  type EventStatisticsView,
  eventStatisticsSchema,
  PARTICIPANT_LISTS,
  type ParticipantList,
  type ProgrammeStatistics,
  programmeStatisticsSchema,
} from './statistics/statistics.contracts.ts';
export {
  countryNames,
  exportEventStatisticsWorkbook,
  exportParticipantsCsv,
  exportParticipantsWorkbook,
  getEventStatistics,
  getProgrammeStatistics,
  groupLabel,
  PROGRAMME_EVENTS_LIMIT,
} from './statistics/statistics.service.server.ts';
export { DIMENSIONS as STATISTICS_DIMENSIONS, MEASURES as STATISTICS_MEASURES, share } from './statistics/statistics.ts';
