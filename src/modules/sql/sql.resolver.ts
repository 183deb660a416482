import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { DivisionScope } from '../../access/division-scope';
import { RequiresScope } from '../../graphql/access';
import { DivisionsArg } from '../../graphql/divisions-arg';
import type { RequestContext } from '../../context/request-context';
import { SqlService } from '../../sql/sql.service';
import { typeName } from '../../sql/types';
import { SqlResultInfo } from './sql.types';

const DOCS = {
  sql:
    'A read-only SQL query over the catalog tables (see docs/sql.md), restricted to your divisions. ' +
    'Needs the scope analytics. Also POST /sql.',
  parameters: 'Values of the :name parameters.',
};

@Resolver()
export class SqlResolver {
  @Query(() => SqlResultInfo, { description: DOCS.sql })
  @RequiresScope('analytics')
  async sql(
    @Arg('query', () => String) query: string,
    @Arg('parameters', () => GraphQLJSONObject, { nullable: true, description: DOCS.parameters })
    parameters: Record<string, unknown> | null,
    @DivisionsArg() scope: DivisionScope,
    @Ctx() ctx: RequestContext,
  ): Promise<SqlResultInfo> {
    const { columns, rows } = await new SqlService(scope, ctx.config).run(query, parameters ?? {});
    return { columns: columns.map((c) => ({ name: c.name, type: typeName(c.type) })), rows, rowCount: rows.length };
  }
}
