// Meetings, meeting rules, reminder offsets, RSVPs and attendance.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MeetingRepo {}
