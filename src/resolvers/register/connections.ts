import { ConnectionType } from '../shared/connection';
import { Duty } from './duty.type';
import { Group } from './group.type';
import { Organisation } from './organisation.type';
import { Person } from './person.type';
import { Placement } from './placement.type';
import { Programme } from './programme.type';
import { SchoolUnitOffering } from './school-unit-offering.type';
import { Syllabus } from './syllabus.type';

export const OrganisationConnection = ConnectionType(Organisation, 'Organisation').Connection;
export const PersonConnection = ConnectionType(Person, 'Person').Connection;
export const PlacementConnection = ConnectionType(Placement, 'Placement').Connection;
export const DutyConnection = ConnectionType(Duty, 'Duty').Connection;
export const GroupConnection = ConnectionType(Group, 'Group').Connection;
export const ProgrammeConnection = ConnectionType(Programme, 'Programme').Connection;
export const SyllabusConnection = ConnectionType(Syllabus, 'Syllabus').Connection;
export const SchoolUnitOfferingConnection = ConnectionType(SchoolUnitOffering, 'SchoolUnitOffering').Connection;
