// "Why is this withheld?" for the console's supplier view: which preset would open a field, whether a
// unit is among the supplier's, what its protected-identity rule does. Answered from the same presets,
// unit expansion and rules the subgraphs enforce, so the explanation cannot drift from the behaviour.
import { PRESET_NAMES, PRESETS, type Caller, type PresetName, type SupplierConfig } from '../../auth';

export interface FieldExplanation {
  field: string;
  readable: boolean;
  /** Presets that name the field; granting any of them would open it. */
  grantedBy: PresetName[];
  /** Of those, the ones the supplier holds. */
  held: PresetName[];
  reason: string;
}

export interface UnitExplanation {
  unit: string;
  visible: boolean;
  reason: string;
}

export interface ProtectedExplanation {
  rule: 'alias' | 'exclude';
  reason: string;
}

const FIELD = /^([A-Z][A-Za-z0-9]*)\.([a-z][A-Za-z0-9]*)$/;

export const explainField = (supplier: SupplierConfig, coordinate: string): FieldExplanation | null => {
  const match = FIELD.exec(coordinate);
  if (!match) return null;
  const [, typeName, fieldName] = match as unknown as [string, string, string];
  const grantedBy = PRESET_NAMES.filter((preset) => PRESETS[preset][typeName]?.includes(fieldName));
  const held = grantedBy.filter((preset) => supplier.scopes.includes(preset));
  const readable = supplier.grant.canRead(typeName, fieldName);
  let reason: string;
  if (readable) reason = `${supplier.name} may read ${coordinate}: granted by ${held.join(', ')}.`;
  else if (grantedBy.length === 0) reason = `No preset names ${coordinate}: no supplier may read it.`;
  else reason = `${supplier.name} holds no preset naming ${coordinate}; it would need one of: ${grantedBy.join(', ')}.`;
  return { field: coordinate, readable, grantedBy, held, reason };
};

const describeUnits = (supplier: SupplierConfig): string =>
  supplier.units === 'all'
    ? 'all units'
    : supplier.units.map((unit) => (typeof unit === 'string' ? unit : `schoolUnitCode ${unit.schoolUnitCode}`)).join(', ');

export const explainUnit = (supplier: SupplierConfig, caller: Caller, unit: string): UnitExplanation => {
  const visible = caller.units === 'all' || caller.units.has(unit);
  const reason = visible
    ? `Unit ${unit} is among ${supplier.name}'s units (${describeUnits(supplier)}).`
    : `Unit ${unit} is not among ${supplier.name}'s units (${describeUnits(supplier)}, with their sub-units): its rows, and persons seen only through it, are absent.`;
  return { unit, visible, reason };
};

export const explainProtected = (supplier: SupplierConfig): ProtectedExplanation =>
  supplier.protectedIdentities === 'alias'
    ? {
        rule: 'alias',
        reason: `${supplier.name} sees protected persons (securityMarking other than Ingen) under an alias: "Skyddad Person …", with only id, meta, sex, securityMarking, personStatus and enrolments; no relations to other persons.`,
      }
    : {
        rule: 'exclude',
        reason: `${supplier.name} never sees protected persons (securityMarking other than Ingen): they are left out of every list, lookup and figure.`,
      };
