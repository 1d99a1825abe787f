import { fieldGrant, type Caller } from '../../auth';
import type { RowScope } from '../../sources';

/** The rows a verified caller may see, as the sources enforce them (a fresh object: never UNRESTRICTED). */
export const rowScopeFor = (caller: Caller): RowScope => ({
  units: caller.units,
  protectedIdentities: caller.protectedIdentities,
  // Which e-mails, phone numbers and addresses the presets open (schoolEmail: school addresses only).
  valueTypes: fieldGrant(caller.scopes).valueTypes,
});
