import { ArgsType, Field, Int } from 'type-graphql';

const DOCS = {
  first: 'Rows to return from the start (or after `after`); at most the configured maximum (1000 by default). Default 50.',
  offset: 'Rows to skip, for page-number screens; not with after or before. Keyset cursors stay fast on deep pages; offsets do not.',
};

/** Pagination arguments every list field takes (Relay keyset cursors, plus offset for page numbers). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: DOCS.first })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the row after which the page starts (an endCursor of this list).' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Rows to return from the end (or before `before`); at most the configured maximum.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the row before which the page ends (a startCursor of this list).' })
  before?: string | null;

  @Field(() => Int, { nullable: true, description: DOCS.offset })
  offset?: number | null;
}
