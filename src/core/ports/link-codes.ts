// One-time codes that link a second chat to a member.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LinkCodeRepo {}
