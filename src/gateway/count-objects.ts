import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isAbstractType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getOrCompute } from '../lib/get-or-compute';

/**
 * How many objects of `typeName` a response's data holds, read along the operation's selections
 * (aliases and fragments resolved), so no `__typename` needs to be in the data.
 */
export const countObjects = (
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  data: unknown,
  typeName: string,
): number => {
  const applies = (type: GraphQLObjectType, condition: string | undefined): boolean => {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return isAbstractType(conditionType) && schema.isSubType(conditionType, type);
  };
  // The fields a selection set asks of a type are the same for every object of a list: gather them once.
  const gathered = new Map<SelectionSetNode, Map<GraphQLObjectType, FieldNode[]>>();
  const fieldsFor = (type: GraphQLObjectType, selectionSet: SelectionSetNode): FieldNode[] => {
    const byType = getOrCompute(gathered, selectionSet, () => new Map<GraphQLObjectType, FieldNode[]>());
    return getOrCompute(byType, type, () => fieldsOf(type, selectionSet, []));
  };
  const fieldsOf = (type: GraphQLObjectType, selectionSet: SelectionSetNode, into: FieldNode[]): FieldNode[] => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) into.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(type, selection.typeCondition?.name.value)) fieldsOf(type, selection.selectionSet, into);
      } else {
        const fragment = fragments[selection.name.value];
        if (fragment && applies(type, fragment.typeCondition.name.value)) fieldsOf(type, fragment.selectionSet, into);
      }
    }
    return into;
  };
  const walk = (type: GraphQLObjectType, selectionSet: SelectionSetNode, value: unknown): number => {
    if (Array.isArray(value)) {
      let sum = 0;
      for (const item of value) sum += walk(type, selectionSet, item);
      return sum;
    }
    if (value === null || typeof value !== 'object') return 0;
    let count = type.name === typeName ? 1 : 0;
    for (const field of fieldsFor(type, selectionSet)) {
      const definition = type.getFields()[field.name.value];
      const child = getNamedType(definition?.type);
      if (!definition || !field.selectionSet || !isObjectType(child)) continue;
      count += walk(child, field.selectionSet, (value as Record<string, unknown>)[field.alias?.value ?? field.name.value]);
    }
    return count;
  };
  const root = schema.getRootType(operation.operation);
  return root ? walk(root, operation.selectionSet, data) : 0;
};
