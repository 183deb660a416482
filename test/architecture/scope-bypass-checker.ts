import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Finds code that could reach a table without the division scope. Outside src/access and
 * src/db, no code may touch TypeORM's data source, entity manager, repositories, query
 * builders, query runners or raw `query()`, nor import them or the database drivers: the only
 * door to rows is `ctx.scope` (DivisionScope). The check is syntactic (TypeScript AST), so it
 * also catches `db['dataSource']` and aliased imports; it is deliberately stricter than needed
 * (it does not try to tell partitioned from global entities): global tables go through the scope
 * too, which passes them unrestricted.
 */
export interface Violation {
  file: string;
  line: number;
  column: number;
  what: string;
}

/** Member names that lead to an unscoped query. */
const FORBIDDEN_MEMBERS = new Set([
  'dataSource',
  'manager',
  'connection',
  'queryRunner',
  'getRepository',
  'getTreeRepository',
  'getMongoRepository',
  'getCustomRepository',
  'withRepository',
  'createQueryBuilder',
  'createQueryRunner',
  'getManager',
  'getConnection',
]);
/** Members forbidden only when called (`req.query` is a harmless property). */
const FORBIDDEN_CALLS = new Set(['query', 'sql']);
/**
 * Files whose `.query()` runs a GraphQL operation compiled by graphql-jit (its API names it
 * `query`), not SQL: the resolvers it calls reach rows through the scope like any other. Every
 * other check still applies to them.
 */
export const GRAPHQL_QUERY_CALLERS = new Set(['src/graphql/jit-gateway.ts']);
/**
 * The scope's raw-SQL doors take SQL that must already carry `conditionFor` on every table
 * reference: only the two compilers that do so (the list-query builder and the SQL layer, each
 * with isolation tests of their own) may call them.
 */
export const RAW_SQL_MEMBERS = new Set(['rawQuery', 'streamQuery']);
export const RAW_SQL_CALLERS = ['src/query/', 'src/sql/'];

/** typeorm exports that open a door by themselves. */
const FORBIDDEN_TYPEORM_IMPORTS = new Set([
  'DataSource',
  'Connection',
  'EntityManager',
  'Repository',
  'TreeRepository',
  'MongoRepository',
  'QueryRunner',
  'getRepository',
  'getManager',
  'getConnection',
  'getCustomRepository',
  'createQueryBuilder',
  'createConnection',
]);
/** Drivers that would bypass TypeORM altogether. */
const FORBIDDEN_MODULES = new Set(['mysql2', 'mysql2/promise', 'better-sqlite3', 'mysql', 'sqlite3', 'mariadb']);

export function checkSource(fileName: string, text: string): Violation[] {
  const mayRunRawSql = RAW_SQL_CALLERS.some((dir) => fileName.startsWith(dir));
  const callsGraphqlQuery = GRAPHQL_QUERY_CALLERS.has(fileName);
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: Violation[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    out.push({ file: fileName, line: line + 1, column: character + 1, what });
  };
  /** The member a property/element access names, and the node of that name (for the position). */
  const memberOf = (node: ts.Node): [string, ts.Node] | undefined => {
    if (ts.isPropertyAccessExpression(node)) return [node.name.text, node.name];
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression))
      return [node.argumentExpression.text, node.argumentExpression];
    return undefined;
  };
  const moduleOf = (node: ts.Node): string | undefined => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      return node.moduleSpecifier.text;
    if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      return node.moduleReference.expression.text;
    }
    if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
        return node.arguments[0].text;
    }
    return undefined;
  };

  const visit = (node: ts.Node) => {
    const mod = moduleOf(node);
    if (mod !== undefined) {
      if (FORBIDDEN_MODULES.has(mod)) report(node, `imports the database driver ${mod}`);
      if (/(^|\/)access\/api-key\.entity$/.test(mod)) report(node, 'imports the API key table (credentials belong to src/access)');
      if (mod === 'typeorm') {
        if (ts.isImportDeclaration(node)) {
          const bindings = node.importClause?.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings)) report(node, 'imports all of typeorm');
          if (node.importClause?.name) report(node, 'imports typeorm as a default');
          if (bindings && ts.isNamedImports(bindings)) {
            for (const el of bindings.elements) {
              const imported = (el.propertyName ?? el.name).text;
              if (FORBIDDEN_TYPEORM_IMPORTS.has(imported)) report(el, `imports ${imported} from typeorm`);
            }
          }
        } else if (ts.isExportDeclaration(node)) {
          report(node, 're-exports typeorm');
        } else {
          report(node, 'loads typeorm dynamically');
        }
      }
    }
    const member = memberOf(node);
    if (member) {
      const [name, at] = member;
      if (FORBIDDEN_MEMBERS.has(name)) report(at, `uses .${name}`);
      else if (RAW_SQL_MEMBERS.has(name) && !mayRunRawSql)
        report(at, `uses .${name} outside the SQL compilers (${RAW_SQL_CALLERS.join(', ')})`);
      else if (
        FORBIDDEN_CALLS.has(name) &&
        ts.isCallExpression(node.parent) &&
        node.parent.expression === node &&
        !(callsGraphqlQuery && name === 'query')
      ) {
        report(at, `calls .${name}()`);
      }
    }
    // Destructuring `const { dataSource } = db` is the same as `db.dataSource`.
    if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      const prop = node.propertyName ?? node.name;
      const propName = ts.isIdentifier(prop) || ts.isStringLiteral(prop) ? prop.text : undefined;
      if (propName && (FORBIDDEN_MEMBERS.has(propName) || FORBIDDEN_CALLS.has(propName))) report(node, `destructures ${propName}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Directories (relative to the project root) allowed to touch the database directly. */
// The demo seed writes every division's rows by design; only the command line imports it.
export const TRUSTED = ['src/access/', 'src/db/', 'src/seed/'];

/** Every violation in the project's src/ outside the trusted layers (tests excluded). */
export function checkProject(root: string): Violation[] {
  const out: Violation[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (!TRUSTED.some((t) => `${rel}/`.startsWith(t))) walk(full);
      } else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) && !/\.d\.ts$|\.test\.ts$|\.spec\.ts$/.test(entry.name)) {
        out.push(...checkSource(rel, fs.readFileSync(full, 'utf8')));
      }
    }
  };
  walk(path.join(root, 'src'));
  return out;
}

export const formatViolation = (v: Violation) => `${v.file}:${v.line}:${v.column} ${v.what}`;
