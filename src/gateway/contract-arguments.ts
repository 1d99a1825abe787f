// Which arguments a supplier's contract keeps: an argument whose reads it may not make is hidden
// (src/auth/argument-use.ts, the same table and check the subgraphs' guard refuses with), an
// enum-valued one keeps only the values it may use, and a field that cannot be called without a
// hidden argument goes with it. Computed once per contract (contract-schema.ts caches per scopes set).
import {
  type GraphQLArgument,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import type { FieldGrant } from '../auth';
import { ARGUMENT_READS, FEDERATION_FIELDS, type ArgumentReadsTable } from '../auth/argument-reads';
import { argumentUse, type ArgumentUse } from '../auth/argument-use';
import { coordinate } from '../auth/coordinates';

export interface ArgumentPlan {
  /** `Type.field` → the arguments it loses. */
  readonly hiddenArguments: ReadonlyMap<string, ReadonlySet<string>>;
  /** `Type.field`s that cannot be called without an argument the caller may not use. */
  readonly uncallable: ReadonlySet<string>;
  /** Enum type → the values kept; only enums every use of which is an argument deciding its own reads. */
  readonly enumValues: ReadonlyMap<string, ReadonlySet<string>>;
  /** Input type → the fields it loses. */
  readonly hiddenInputFields: ReadonlyMap<string, ReadonlySet<string>>;
}

const add = <V>(map: Map<string, Set<V>>, key: string, value: V): void => {
  const set = map.get(key) ?? new Set<V>();
  set.add(value);
  map.set(key, set);
};

const enumValueNames = (arg: GraphQLArgument | undefined): string[] => {
  const named = arg && getNamedType(arg.type);
  return named && isEnumType(named) ? named.getValues().map((value) => value.name) : [];
};

/**
 * The plan for the fields `kept` lets through. An enum type is one type per schema, and an argument's
 * reads per value differ from field to field (PlacementSortkey's StartDateAsc reads Placement.startDate
 * on `placements`, SchoolUnitOffering.startDate on `schoolUnitOfferings`): it keeps the values usable on
 * every field the contract offers it on, under its own name (a supplier's variables are typed with the
 * names of the graph, which validates them), and an enum the graph also uses elsewhere (an output, an
 * input field) keeps every value: its arguments are then hidden only when no value is usable.
 */
export function planArguments(
  api: GraphQLSchema,
  grant: FieldGrant,
  kept: (typeName: string, fieldName: string) => boolean,
  table: ArgumentReadsTable = ARGUMENT_READS,
): ArgumentPlan {
  const uses = new Map<string, Map<string, ArgumentUse>>();
  const deciders = new Map<string, ReadonlySet<string>[]>();
  const sharedEnums = new Set<string>();
  for (const type of Object.values(api.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (isEnumType(named)) sharedEnums.add(named.name);
      }
      continue;
    }
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!kept(type.name, field.name)) continue;
      const named = getNamedType(field.type);
      if (isEnumType(named)) sharedEnums.add(named.name);
      const key = coordinate(type.name, field.name);
      if (field.args.length === 0 || FEDERATION_FIELDS.has(key)) continue;
      const perArgument = new Map<string, ArgumentUse>();
      for (const arg of field.args) {
        const entry = argumentUse(grant, key, arg.name, [], table);
        const of = entry.kind === 'perValue' ? entry.of : undefined;
        const use =
          of === undefined
            ? entry
            : argumentUse(grant, key, arg.name, enumValueNames(field.args.find((other) => other.name === of)), table);
        perArgument.set(arg.name, use);
        const argType = getNamedType(arg.type);
        if (use.kind === 'perValue' && use.of === arg.name && isEnumType(argType)) {
          deciders.set(argType.name, [...(deciders.get(argType.name) ?? []), use.usable]);
        } else if (isEnumType(argType)) sharedEnums.add(argType.name);
      }
      uses.set(key, perArgument);
    }
  }

  const enumValues = new Map<string, ReadonlySet<string>>();
  for (const [name, usable] of deciders) {
    if (sharedEnums.has(name)) continue;
    enumValues.set(name, new Set([...usable[0]!].filter((value) => usable.every((set) => set.has(value)))));
  }

  const hiddenArguments = new Map<string, Set<string>>();
  const uncallable = new Set<string>();
  const hiddenInputFields = new Map<string, Set<string>>();
  const fixedAllowed = (use: ArgumentUse | undefined): boolean => use?.kind === 'fixed' && use.allowed;
  for (const [key, perArgument] of uses) {
    const field = fieldOf(api, key);
    const decided = (arg: string): boolean => {
      const use = perArgument.get(arg);
      if (use?.kind !== 'perValue' || use.of !== arg) return false;
      const argType = getNamedType(field.args.find((other) => other.name === arg)!.type);
      const kept = enumValues.get(argType.name);
      return [...use.usable].some((value) => kept === undefined || kept.has(value));
    };
    for (const arg of field.args) {
      const use = perArgument.get(arg.name);
      let usable =
        use?.kind === 'fixed'
          ? use.allowed
          : use?.kind === 'perValue'
            ? use.of === arg.name
              ? decided(arg.name)
              : use.absentAllowed || decided(use.of)
            : false;
      const argType = getNamedType(arg.type);
      if (usable && isInputObjectType(argType)) {
        for (const inner of Object.values(argType.getFields())) {
          if (fixedAllowed(perArgument.get(`${arg.name}.${inner.name}`) ?? argumentUse(grant, key, `${arg.name}.${inner.name}`, [], table)))
            continue;
          // A required part it may not give makes the argument unusable; an optional one leaves the input type.
          if (isNonNullType(inner.type)) usable = false;
          else add(hiddenInputFields, argType.name, inner.name);
        }
      }
      if (usable) continue;
      add(hiddenArguments, key, arg.name);
      if (isNonNullType(arg.type) && arg.defaultValue === undefined) uncallable.add(key);
    }
  }
  return { hiddenArguments, uncallable, enumValues, hiddenInputFields };
}

const fieldOf = (api: GraphQLSchema, key: string) => {
  const [typeName, fieldName] = key.split('.') as [string, string];
  const type = api.getType(typeName);
  if (!type || !(isObjectType(type) || isInterfaceType(type))) throw new Error(`no type ${typeName}`);
  return type.getFields()[fieldName]!;
};
