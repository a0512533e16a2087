// Read models for secretaries' digests and exports.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DigestRepo {}
