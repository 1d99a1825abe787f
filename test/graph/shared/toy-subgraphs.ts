// Two toy subgraphs that share GraphQL type names through different classes, the way schedule's
// Person stub and register's Person do. Used to prove buildSubgraph composes in one process.
import { Arg, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Meta } from '../../../src/resolvers/shared/meta.type';
import { ss12000Enum } from '../../../src/resolvers/shared/enums';

const Colour = ss12000Enum('ToyColour', ['Röd', 'Blå grön'] as const, 'A toy enum.');

@Directive('@key(fields: "id")')
@ObjectType('Widget')
export class Widget {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Colour)
  colour!: string;

  @Field(() => Meta)
  meta!: Meta;
}

const WIDGETS: Widget[] = [
  { id: 'w1', name: 'First', colour: 'Röd', meta: { created: '2026-01-01T00:00:00Z', modified: '2026-01-02T00:00:00Z' } },
  { id: 'w2', name: 'Second', colour: 'Blå grön', meta: { created: '2026-01-01T00:00:00Z', modified: '2026-01-02T00:00:00Z' } },
];
export const findWidget = (id: string): Widget | null => WIDGETS.find((w) => w.id === id) ?? null;

@Resolver(() => Widget)
export class WidgetResolver {
  @Query(() => Widget, { nullable: true })
  widget(@Arg('id', () => ID) id: string): Widget | null {
    return findWidget(id);
  }

  @Query(() => [Widget], { nullable: true })
  widgetsByColour(@Arg('colour', () => Colour) colour: string): Widget[] {
    return WIDGETS.filter((w) => w.colour === colour);
  }

  @Query(() => String, { nullable: true })
  broken(): string {
    throw new Error('secret internals');
  }
}

/** The other domain's view of Widget: only the key, plus a field it contributes. */
@Directive('@key(fields: "id")')
@ObjectType('Widget')
export class WidgetStub {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Part')
export class Part {
  @Field(() => String)
  label!: string;

  @Field(() => WidgetStub)
  widget!: WidgetStub;

  @Field(() => Meta)
  meta!: Meta;
}

@Resolver(() => WidgetStub)
export class WidgetPartsResolver {
  @FieldResolver(() => [Part])
  parts(@Root() widget: WidgetStub): Part[] {
    return [1, 2].map((n) => ({
      label: `${widget.id}-part${n}`,
      widget: { id: widget.id },
      meta: { created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z' },
    }));
  }

  @Query(() => [Part])
  looseParts(): Part[] {
    return [{ label: 'loose', widget: { id: 'w2' }, meta: { created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z' } }];
  }
}
