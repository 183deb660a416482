import { defaultFieldResolver, GraphQLField, GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { Extensions } from 'type-graphql';
import { Scope } from '../access/principal';
import type { RequestContext } from '../context/request-context';
import { missingScope } from '../access/access.errors';

/**
 * Declarative access for GraphQL fields. A resolver method says what it needs next to its
 * `@Query`/`@Mutation`/`@FieldResolver`:
 *
 *   @Query(() => SqlResultInfo, { description: SQL_DOC })
 *   @RequiresScope('analytics')
 *   sql(...) { ... }
 *
 * or, for the few fields any authenticated caller may use, `@NoScopeRequired(reason)`. The
 * declaration is kept in the field's extensions (`extensions.access`), so the built schema itself
 * says what each field needs (a test walks it: every root field must declare one or the other),
 * and `enforceScopes`, applied once when the schema is built, puts the check in front of every
 * field that declares a scope. A caller without it gets FORBIDDEN naming the scope, before any
 * argument is read.
 *
 * Why not type-graphql's `@Authorized` and an authChecker: type-graphql runs the check as a
 * middleware chain of async functions on every call of the field (about 1 µs a call against
 * 0.15 µs here, measured on one core; nested lists resolve once per parent row), and it cannot
 * see the fields that installDirectResolvers calls without type-graphql's wrapper. Here the
 * check is one `Set.has` in front of the resolver, and fields without a scope are left untouched.
 */
export type FieldAccess = { readonly scope: Scope } | { readonly open: string };

const ACCESS = 'access';

/** The field needs `scope`: FORBIDDEN naming it otherwise. */
export function RequiresScope(scope: Scope): MethodDecorator {
  return Extensions({ [ACCESS]: { scope } satisfies FieldAccess });
}

/** Any authenticated caller may use the field; `reason` says why that is safe (no rows, ...). */
export function NoScopeRequired(reason: string): MethodDecorator {
  return Extensions({ [ACCESS]: { open: reason } satisfies FieldAccess });
}

/**
 * Tables read under another scope than payments:read, the scope of the Cashflow lists since the
 * first ones: receivables are a side of their own (a collections app needs no payables, a
 * supplier portal no receivables), and so are bank and cash entries (what the bank says about
 * all the money is not a dashboard's). Reference data (accounts, G/L accounts, ...) stays with
 * payments:read; through a receivable's relations it is readable under receivables:read too.
 * Aggregates, the SQL layer and exports read every table under analytics.
 */
const READ_SCOPES: Readonly<Record<string, Scope>> = {
  Receivables: 'receivables:read',
  BankEntries: 'statements:read',
  BankEntryLines: 'statements:read',
  CashEntries: 'statements:read',
  CashEntryLines: 'statements:read',
  ReconciliationActions: 'reconciliation:read',
  ReconciliationMatches: 'reconciliation:read',
  ReconciliationProposals: 'reconciliation:read',
  ReconciliationSettings: 'reconciliation:read',
  ReconciliationParts: 'reconciliation:read',
  AllocationRules: 'reconciliation:read',
};

/** The scope that reads a catalog table's rows in lists, lookups and nested lists. */
export function readScopeOf(tableName: string): Scope {
  return READ_SCOPES[tableName] ?? 'payments:read';
}

/** What a field of the built schema declared, or undefined when it declared nothing. */
export function accessOf(field: GraphQLField<unknown, unknown>): FieldAccess | undefined {
  return (field.extensions as { [ACCESS]?: FieldAccess })[ACCESS];
}

/**
 * Puts the scope check in front of every field of `schema` that declares `@RequiresScope`,
 * whoever resolves it (type-graphql's handler or a resolver installed directly). Run it after
 * every resolver is in place. The check answers like the async resolvers it guards: with a
 * rejected promise, so graphql-js and graphql-jit report it the same way they always did.
 */
export function enforceScopes(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const access = accessOf(field);
      if (access && 'scope' in access) field.resolve = guarded(access.scope, field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}

type Resolve = GraphQLFieldResolver<unknown, RequestContext>;

function guarded(scope: Scope, resolve: Resolve): Resolve {
  return (root, args, ctx, info) => {
    if (ctx.principal.scopes.has(scope)) return resolve(root, args, ctx, info);
    return Promise.reject(missingScope(scope));
  };
}
