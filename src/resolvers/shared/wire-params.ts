// graphql-scalars parses Date and DateTime arguments into JS Dates; SS 12000 query strings want
// RFC 3339 text. A Date argument parses to UTC midnight, so its ISO date part is the date given.
export const wireDate = (value: Date | undefined): string | undefined => value?.toISOString().slice(0, 10);

export const wireDateTime = (value: Date | undefined): string | undefined => value?.toISOString();
