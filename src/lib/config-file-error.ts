// The base of the errors for an unusable configuration file (the gateway's, the suppliers'): which
// file, and every problem found in it, each naming its key. Here, not in config/ or auth/, because
// neither of those may import the other. Each subclass keeps its own name and words its own message.
export abstract class ConfigFileError extends Error {
  constructor(
    /** The file (or other source) the problems were found in. */
    readonly source: string,
    /** One line per problem, each naming the key (`producers.register.timeoutMs: must be integer`). */
    readonly problems: readonly string[],
    message: string,
  ) {
    super(message);
  }
}
