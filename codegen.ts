// GraphQL Code Generator: TypeScript types for the operations in examples/*.graphql, checked against
// the committed supergraph. `npm run codegen`; the generated file is committed.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/supergraph.graphql',
  documents: ['examples/**/*.graphql'],
  generates: {
    'test/support/operations.gen.ts': {
      // typescript-operations 6 emits the enums and scalars the operations use by itself; adding the
      // `typescript` plugin would declare them twice (and every join__/link__ type of the supergraph).
      plugins: ['typescript-operations'],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: 'string', DateTime: 'string', UUID: 'string', EmailAddress: 'string', URL: 'string' },
      },
    },
  },
};

// The codegen CLI loads this file as a module whose export IS the config.
export = config;
