// The auth core's public surface: the gateway authenticates and signs, subgraphs verify and
// consult the grant. Nothing here fetches data; the organisation tree is passed in.
export { generateApiKey, hashApiKey, keyDigest, matchApiKey } from './api-key';
export { callerFor, type Caller } from './caller';
export { createAuthenticator, requestCredential, type Authenticator, type AuthenticatorOptions } from './credentials';
export { fieldGrant, GOVERNED_TYPES, type FieldGrant, type ValueTypes } from './field-grant';
export { headerValue, type HeaderSource } from './headers';
export { isPresetName, PRESET_NAMES, PRESET_VALUE_TYPES, PRESETS, TYPED_ATTRIBUTES, type PresetName, type TypedAttribute } from './presets';
export {
  CALLER_EXTENSION,
  CALLER_SIGNATURE_HEADER,
  callerClaims,
  IDEMPOTENCY_KEY_PATTERN,
  isCallerHeaderError,
  SeenSignatures,
  SIGNATURE_MEMORY_MS,
  type SignatureLedger,
  signedSubgraphRequest,
  signSubgraphRequest,
  verifySubgraphRequest,
  type CallerHeaderError,
  type SignatureWindow,
  type SubgraphRequest,
  type WireClaims,
} from './signed-caller';
export {
  loadSuppliersConfig,
  parseSuppliersConfig,
  type SupplierConfig,
  type SupplierLimits,
  type SupplierWebhook,
  type SuppliersConfig,
} from './suppliers-config';
export { SuppliersConfigError } from './suppliers-errors';
export { type ProtectedIdentities, type RateLimitSetting, type UnitRef } from './suppliers-schema';
export { watchSuppliersConfig, type SuppliersWatch, type WatchLogger, type WatchOptions } from './suppliers-watcher';
export { mayWrite, WRITE_GRANT_MUTATIONS, WRITE_GRANTS, type WriteGrant } from './write-grants';
export { expandUnits, organisationNode, unitAllows, type ExpandedUnits, type OrganisationNode, type UnitSet } from './units';
