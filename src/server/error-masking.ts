import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { BadUserInputError, ErrorCode, leaksInternals } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** The code an error is sent with; errors without one are unexpected. */
const codeOf = (extensions: Readonly<Record<string, unknown>> | undefined): string | undefined => {
  const code = extensions?.code;
  return typeof code === 'string' ? code : undefined;
};

const isUnexpected = (code: string | undefined) =>
  code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR;

const needsMasking = (message: string, extensions: Readonly<Record<string, unknown>> | undefined) =>
  isUnexpected(codeOf(extensions)) ||
  leaksInternals(message) ||
  (extensions !== undefined && leaksInternals(JSON.stringify(extensions)));

/**
 * The error as a client sees it. Unexpected errors become INTERNAL_SERVER_ERROR without details;
 * expected ones keep their code and safe extensions, with a generic message when theirs would leak.
 */
export function clientError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  // a scalar refusing a literal (Date "0000-01-01") is reported by validation; it is the caller's input all the same
  if (
    formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' &&
    (error as GraphQLError | undefined)?.originalError instanceof BadUserInputError
  ) {
    formatted = { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
  }
  const code = codeOf(formatted.extensions);
  if (!needsMasking(formatted.message, formatted.extensions)) return formatted;
  const path = formatted.path ? { path: formatted.path } : {};
  if (code === undefined || isUnexpected(code)) {
    return {
      message: 'Internal server error',
      ...path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  }
  const province = formatted.extensions?.province;
  const argument = formatted.extensions?.argument;
  const extensions = {
    code,
    ...(typeof province === 'string' ? { province } : {}),
    ...(typeof argument === 'string' ? { argument } : {}),
  };
  const message =
    code === ErrorCode.SOURCE_UNAVAILABLE && typeof province === 'string'
      ? `Source ${province} is unavailable`
      : `The request failed (${code}); details are in the hub's log under this request's x-request-id`;
  return { message, ...path, extensions };
}

/** Logs, with the request id, every error a client will see masked: the details live only in the log. */
export function errorLogPlugin(
  log: Logger,
): ApolloServerPlugin<{ requestId: string; trace: { operationName: string | null } }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors as readonly GraphQLError[]) {
            if (!needsMasking(error.message, error.extensions)) continue;
            const original = error.originalError ?? error;
            const unexpected = isUnexpected(codeOf(error.extensions));
            log[unexpected ? 'error' : 'warn'](
              unexpected ? 'unexpected error' : 'error details withheld from the client',
              {
                requestId: contextValue.requestId,
                operation: contextValue.trace.operationName ?? undefined,
                path: error.path,
                code: codeOf(error.extensions),
                error: original.message,
                ...(unexpected ? { stack: original.stack } : {}),
              },
            );
          }
        },
      };
    },
  };
}
