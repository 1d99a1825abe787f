// A value now, or a promise of it. Most row-scope answers are known from the row itself (its own
// securityMarking, a caller with every unit); only a lookup needs a promise. The Gate checks every
// person in every producer row, so a promise per check was most of a request's garbage.
export type Maybe<T> = T | Promise<T>;

export const isPromise = <T>(value: Maybe<T>): value is Promise<T> => value instanceof Promise;

/** `then` applied now when `value` is known, after it settles otherwise. */
export const whenKnown = <T, U>(value: Maybe<T>, then: (known: T) => Maybe<U>): Maybe<U> =>
  isPromise(value) ? value.then(then) : then(value);
