import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { scopeForDivisions } from '../../context/partition-selection';
import { requireScope } from '../../context/require-scope';
import type { RequestContext } from '../../context/request-context';
import { SqlService } from '../../sql/sql.service';
import { typeName } from '../../sql/types';
import { SqlResultInfo } from './sql.types';

@Resolver()
export class SqlResolver {
  @Query(() => SqlResultInfo, {
    description:
      'A read-only SQL query over the catalog tables (see docs/sql.md), restricted to your divisions. Needs the scope analytics. Also POST /sql.',
  })
  async sql(
    @Arg('query', () => String) query: string,
    @Arg('parameters', () => GraphQLJSONObject, { nullable: true, description: 'Values of the :name parameters.' }) parameters: Record<string, unknown> | null,
    @Arg('divisions', () => [Int], { nullable: true, description: 'Only these of your divisions.' }) divisions: number[] | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SqlResultInfo> {
    requireScope(ctx, 'analytics');
    const scope = scopeForDivisions(ctx, divisions);
    const result = await new SqlService(scope, ctx.config).run(query, parameters ?? {});
    return { columns: result.columns.map((c) => ({ name: c.name, type: typeName(c.type) })), rows: result.rows, rowCount: result.rows.length };
  }
}
