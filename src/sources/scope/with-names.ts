/**
 * Every load under a scope asks for reference names: person references then carry their
 * securityMarking, which spares a person lookup per reference. One options object for all of them,
 * so the Gate's checks and the resolvers' loads share the same loaders (and cache).
 */
export const WITH_NAMES = { referenceNames: true } as const;
