/**
 * Google Authenticator's export format (`otpauth-migration://offline?data=…`), shared by the parser
 * and the encoder: field numbers, enum values and size bounds.
 * Google has published no specification; this is the community-documented `MigrationPayload` schema
 * (field numbers and enums as every importer that reads these codes uses them).
 */
import { OtpAlgorithm, OtpKind } from './account';

/** Field numbers of `MigrationPayload`. */
export const PayloadField = { OtpParameters: 1, Version: 2, BatchSize: 3, BatchIndex: 4, BatchId: 5 } as const;

/** Field numbers of `MigrationPayload.OtpParameters`. */
export const OtpField = { Secret: 1, Name: 2, Issuer: 3, Algorithm: 4, Digits: 5, Type: 6, Counter: 7 } as const;

/** `Algorithm` enum values we read; 0 (unspecified) means SHA1. */
export const AlgorithmValue = { [OtpAlgorithm.Sha1]: 1, [OtpAlgorithm.Sha256]: 2, [OtpAlgorithm.Sha512]: 3 } as const;

/** `Algorithm` value for MD5: named in the refusal message, never imported. */
export const MD5_ALGORITHM_VALUE = 4;

/** `DigitCount` enum values; 0 (unspecified) means six. */
export const DigitsValue = { 6: 1, 8: 2 } as const;

/** `OtpType` enum values; 0 (unspecified) means TOTP. */
export const TypeValue = { [OtpKind.Hotp]: 1, [OtpKind.Totp]: 2 } as const;

/** The payload version Google Authenticator writes. */
export const MIGRATION_VERSION = 1;

/** Bounds on an export we accept. */
export const MigrationBounds = {
  /**
   * Decoded bytes. One QR code holds at most 2,953 bytes, so a real batch is about 2 KB; 100 KB
   * leaves room for pasted or joined data and still bounds the work done on hostile input.
   */
  maxDecodedBytes: 100 * 1024,
  /** Google Authenticator puts about ten accounts in each QR; 1,000 is more than anyone holds. */
  maxAccounts: 1000,
} as const;

/** Batch position of one export QR: `index` counts from 0 and is below `size`; `id` ties a set together. */
export interface MigrationBatch {
  index: number;
  size: number;
  id: number;
}
