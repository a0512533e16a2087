// Commitment periods, ethical standards, commitments, reviews, self-evaluations and year-end ratings.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CommitmentRepo {}
