import type { GraphQLSchema } from 'graphql';
import { buildSubgraph } from '../shared/subgraph';
import { DutyResolver } from './duty.resolver';
import {
  AssignmentRoleResolver,
  EnrolmentResolver,
  GroupMembershipResolver,
  PersonGroupMembershipResolver,
  ProgrammeContentResolver,
  ResponsibleResolver,
} from './embedded.resolver';
import { GroupResolver } from './group.resolver';
import { OrganisationResolver } from './organisation.resolver';
import { PersonResolver } from './person.resolver';
import { PlacementResolver } from './placement.resolver';
import { ProgrammeResolver } from './programme.resolver';
import { registerReferences } from './references';
import { SchoolUnitOfferingResolver } from './school-unit-offering.resolver';
import { SyllabusResolver } from './syllabus.resolver';

/** The register subgraph: organisations, persons, placements, duties, groups, programmes, syllabuses, schoolUnitOfferings. */
export async function buildRegisterSubgraph(): Promise<GraphQLSchema> {
  return buildSubgraph({
    name: 'register',
    resolvers: [
      OrganisationResolver,
      PersonResolver,
      PlacementResolver,
      DutyResolver,
      GroupResolver,
      ProgrammeResolver,
      SyllabusResolver,
      SchoolUnitOfferingResolver,
      EnrolmentResolver,
      ResponsibleResolver,
      GroupMembershipResolver,
      PersonGroupMembershipResolver,
      AssignmentRoleResolver,
      ProgrammeContentResolver,
    ],
    references: registerReferences,
  });
}
