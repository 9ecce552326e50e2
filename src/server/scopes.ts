import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { ErrorCode, missingScope } from '../errors.ts';
import type { GraphQLContext } from '../graphql/context.ts';

/**
 * Who may ask what, declared in the SDL (README "Access"):
 * - `@scope(name: "x")` on a field, or on a type for all its fields, needs scope x;
 * - every other root query field needs `read`, unless it is marked `@public` (open to anonymous callers);
 * so a root field added without a thought is closed, not open.
 * A missing scope makes the field null with a FORBIDDEN error naming the scope, never an empty answer.
 */
export function applyScopes(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const scope = scopeOf(schema, typeName, fieldName);
      if (!scope) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve(source, args, ctx: GraphQLContext, info) {
          if (!ctx.viewer.scopes.has(scope)) throw missingScope(scope, `${typeName}.${fieldName}`);
          return resolve(source, args, ctx, info);
        },
      };
    },
  });
}

/** The scope a field needs (by the rules above), or undefined when anyone who may ask may read it. */
export function scopeOf(schema: GraphQLSchema, typeName: string, fieldName: string): string | undefined {
  const type = schema.getType(typeName);
  const field = type && 'getFields' in type ? type.getFields()[fieldName] : undefined;
  if (!type || !field) return undefined;
  const own = getDirective(schema, field, 'scope')?.[0]?.name as string | undefined;
  const ofType = getDirective(schema, type, 'scope')?.[0]?.name as string | undefined;
  const isPublic = getDirective(schema, field, 'public')?.[0] !== undefined;
  return own ?? ofType ?? (typeName === schema.getQueryType()?.name && !isPublic ? 'read' : undefined);
}

/** Root query fields marked `@public`: all an anonymous caller may ask when ANONYMOUS_READ is off. */
export function publicRootFields(schema: GraphQLSchema): ReadonlySet<string> {
  const fields = schema.getQueryType()?.getFields() ?? {};
  return new Set(
    Object.values(fields)
      .filter((f) => getDirective(schema, f, 'public')?.[0] !== undefined)
      .map((f) => f.name),
  );
}

/** The root fields an operation selects (through fragments and inline fragments), `__typename` aside. */
export function rootFieldsOf(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value !== '__typename') out.add(s.name.value);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const f = fragments[s.name.value];
        if (f) walk(f.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return out;
}

/** RFC 6750: what a 401 says, and how to authenticate. */
export const wwwAuthenticate = (error?: string, description?: string) =>
  error
    ? `Bearer realm="lienthong", error="${error}", error_description="${description!.replace(/["\\]/g, '')}"`
    : 'Bearer realm="lienthong"';

/** The error of a caller with no credentials (or bad ones): HTTP 401 with WWW-Authenticate. */
export function unauthenticated(message: string, header: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.UNAUTHENTICATED,
      http: { status: 401, headers: new Map([['www-authenticate', header]]) },
    },
  });
}
