// Register (elevregister): organisations, persons, placements, duties, groups, programmes,
// syllabuses, schoolUnitOfferings. Reverse lookups (beyond `ids`) the gateway uses:
import { batchedBy, listFilter, perKey, type DomainSpec } from '../shared/domain';

export const registerDomain: DomainSpec = {
  producer: 'register',
  reverseLookups: {
    persons: {
      civicNos: batchedBy((person) => [person.civicNo?.value]),
    },
    organisations: {
      organisationCodes: batchedBy((organisation) => [organisation.organisationCode]),
      schoolUnitCodes: batchedBy((organisation) => [organisation.schoolUnitCode]),
    },
    placements: {
      // The spec does not say whether `personIds` matches the child, the owners or both; splitting
      // rows by a guess would make answers depend on how keys happened to be batched.
      personIds: perKey,
      // The child's placements (Person.placements): one walk per distinct child.
      child: listFilter,
    },
    duties: {
      person: listFilter,
      // /duties has no group filter: a group's duties are its organisation's, split by assignmentRole.
      organisation: listFilter,
    },
  },
};
