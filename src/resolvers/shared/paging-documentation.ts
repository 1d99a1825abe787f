// A root list is paged whether or not the caller pages it: its description says what comes without
// `first`, so nobody mistakes the first page for the whole list.
import { type DocumentNode, Kind, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode, visit } from 'graphql';
import { DEFAULT_FIRST, MAX_FIRST } from './cursor';

const PAGING = `Paged: without \`first\` the first ${DEFAULT_FIRST} nodes come (at most ${MAX_FIRST} a page); \`pageInfo.hasNextPage\` says whether more follow, \`after: pageInfo.endCursor\` fetches them.`;

type RootType = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

const documented = <T extends RootType>(node: T): T => {
  if (node.name.value !== 'Query') return node;
  return {
    ...node,
    fields: node.fields?.map((field) => {
      const paged = field.arguments?.some((argument) => argument.name.value === 'first');
      if (!paged || field.description?.value.includes(PAGING)) return field;
      const before = field.description?.value;
      return { ...field, description: { kind: Kind.STRING, value: before ? `${before}\n\n${PAGING}` : PAGING, block: true } };
    }),
  };
};

export const documentRootPaging = (document: DocumentNode): DocumentNode =>
  visit(document, { ObjectTypeDefinition: documented, ObjectTypeExtension: documented });
