import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, visit, type DocumentNode } from 'graphql';
import { BadUserInputError } from '../errors.ts';

/**
 * PostgreSQL text cannot hold U+0000, so a NUL anywhere in a string argument would fail inside SQL as an
 * unexpected error. Every string literal of the document and every string in the variables (ids,
 * codes, filters, search, cursors) is checked once here, before any resolver runs.
 */
const NUL = '\0';

/** The path (`$filter.search`, `$ids[3]`) of the first variable string holding a NUL, if any. */
function nulIn(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulIn(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes(NUL)) return path;
      const found = nulIn(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** Per document (Apollo hands back the same DocumentNode for the same text): the AST is walked once. */
const nulLiterals = new WeakMap<DocumentNode, boolean>();

function literalWithNul(document: DocumentNode): boolean {
  const known = nulLiterals.get(document);
  if (known !== undefined) return known;
  const found = findNul(document);
  nulLiterals.set(document, found);
  return found;
}

function findNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (!node.value.includes(NUL)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

const refused = (where: string) =>
  new BadUserInputError(`${where} contains a NUL character (\\u0000), which no argument accepts`, {
    http: { status: 400 },
  });

export const inputGuardPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        for (const [name, value] of Object.entries(request.variables ?? {})) {
          const path = nulIn(value, `$${name}`);
          if (path) throw refused(`Variable "${path.slice(0, 100)}"`);
        }
        if (literalWithNul(document)) throw refused('A string argument');
      },
    };
  },
};
