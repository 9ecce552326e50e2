import { GraphQLError } from 'graphql';

/** Stable error codes: clients and tests switch on these, never on messages. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  SOURCE_UNAVAILABLE: 'SOURCE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An expected failure caused by the caller's input. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extra } });
  }
}

/** A provincial source that is down, slow or failing; the rest of the response still comes back. */
export class SourceUnavailableError extends GraphQLError {
  constructor(province: string, reason: string) {
    super(`Source ${province} is unavailable: ${reason}`, {
      extensions: { code: ErrorCode.SOURCE_UNAVAILABLE, province },
    });
  }
}

/** A CLI usage error: printed as one line plus usage, exit code 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}
