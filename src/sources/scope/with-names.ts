import type { LoadOptions } from '../types';
import type { RowScope } from '../shared/row-scope';

/**
 * How every load and list under `scope` asks, so the Gate's checks and the resolvers' loads share
 * one set of loaders (and their cache). Under `exclude` with reference names: person references
 * then carry their securityMarking, sparing a person lookup per reference. Under `alias` without:
 * a reference with no displayName has no name to alias, and naming every reference costs the
 * producer (a summary streams hundreds of thousands of rows).
 */
export const loadOptionsFor = (scope: RowScope): LoadOptions => (scope.protectedIdentities === 'exclude' ? { referenceNames: true } : {});
