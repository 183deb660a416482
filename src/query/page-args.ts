import { ArgsType, Field, Int } from 'type-graphql';

/** Pagination arguments every list field takes. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Rows to return after `after` (at most the configured maximum, 1000 by default).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the row after which the page starts.' })
  after?: string | null;
}
