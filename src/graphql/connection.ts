import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { Page, PageInfoData } from '../query/list-inputs';

export type { Page };

@ObjectType({ description: 'Relay page information.' })
export class PageInfo implements PageInfoData {
  @Field(() => Boolean, { description: 'Whether a page follows this one.' })
  declare hasNextPage: boolean;
  @Field(() => Boolean, { description: 'Whether a page precedes this one.' })
  declare hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first row of the page.' })
  declare startCursor: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last row of the page.' })
  declare endCursor: string | null;
}

const connections = new Map<string, unknown>();

/** Relay connection type for `Item`: edges with cursors, nodes, pageInfo and totalCount (one per type name). */
export function Connection<T extends object>(Item: ClassType<T>, name = Item.name) {
  const existing = connections.get(name);
  if (existing) return existing as ReturnType<typeof makeConnection<T>>;
  const made = makeConnection(Item, name);
  connections.set(name, made);
  return made;
}

function makeConnection<T extends object>(Item: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `A ${name} and its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this row for after/before.' })
    declare cursor: string;
    @Field(() => Item, { description: `The ${name}.` })
    declare node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} rows.` })
  class ConnectionType {
    declare page: Page<T>;

    @Field(() => [Edge], { description: 'Rows of the page with their cursors.' })
    edges(): Edge[] {
      return this.page.nodes.map((node, i) => ({ node, cursor: this.page.cursor(i) }));
    }

    @Field(() => [Item], { description: 'Rows of the page.' })
    nodes(): T[] {
      return this.page.nodes;
    }

    @Field(() => PageInfo, { description: 'Where this page lies.' })
    pageInfo(): PageInfo {
      return this.page.pageInfo;
    }

    @Field(() => Int, { description: 'Rows matching the filter over all pages (costs a COUNT, so only asked when selected).' })
    totalCount(): Promise<number> {
      return this.page.totalCount();
    }

    static of(page: Page<T>): ConnectionType {
      const c = new ConnectionType();
      c.page = page;
      return c;
    }
  }
  return ConnectionType;
}
