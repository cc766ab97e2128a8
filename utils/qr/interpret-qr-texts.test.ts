import { describe, expect, it } from 'vitest';
import { interpretQrTexts } from './interpret-qr-texts';
import { encodeMigrationUri } from '../otp/encode-migration-uri';
import {
  InvalidMigrationPayloadError,
  InvalidOtpauthUriError,
  NotAnOtpQrError,
  QrNotFoundError,
} from '../errors';
import type { AccountDraft } from '../otp/account';
import { inEnglish } from '../i18n/localize';

const amazon = 'otpauth://totp/Amazon:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Amazon';
const appStore = 'https://apps.apple.com/app/id388497605';
const draft = (issuer: string, secret: string): AccountDraft => ({
  kind: 'totp', issuer, label: 'alice', secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
});

describe('interpretQrTexts', () => {
  it('reads one setup code and describes the app-store link beside it', () => {
    const result = interpretQrTexts([appStore, amazon], 'page');
    expect(result.drafts).toHaveLength(1);
    expect(result.drafts[0]).toMatchObject({ issuer: 'Amazon', label: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' });
    expect(result.notes.map(inEnglish)).toEqual([expect.stringContaining('apps.apple.com')]);
  });

  it('reads every account of a Google Authenticator export with its batch', () => {
    const uri = encodeMigrationUri([draft('GitHub', 'JBSWY3DPEHPK3PXP'), draft('Slack', 'KRSXG5CTMVRXEZLU')], { index: 1, size: 3, id: 7 });
    const result = interpretQrTexts([uri], 'image');
    expect(result.drafts.map((d) => d.issuer)).toEqual(['GitHub', 'Slack']);
    expect(result.batch).toEqual({ index: 1, size: 3 });
  });

  it.each([
    { texts: [], source: 'page' as const, error: QrNotFoundError, message: 'Select an area' },
    { texts: [], source: 'region' as const, error: QrNotFoundError, message: 'inside the rectangle' },
    { texts: [appStore], source: 'page' as const, error: NotAnOtpQrError, message: 'link to apps.apple.com' },
    { texts: ['WIFI:T:WPA;S:Cafe;P:secret;;'], source: 'image' as const, error: NotAnOtpQrError, message: 'Cafe' },
    { texts: ['hello'], source: 'text' as const, error: NotAnOtpQrError, message: 'setup link' },
    { texts: ['otpauth://totp/X?secret=18'], source: 'page' as const, error: InvalidOtpauthUriError, message: '1' },
    { texts: ['otpauth-migration://offline?data=AAAA'], source: 'page' as const, error: InvalidMigrationPayloadError, message: 'export' },
  ])('$texts from a $source → $error.name', ({ texts, source, error, message }) => {
    let thrown: unknown;
    try {
      interpretQrTexts(texts, source);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(error);
    expect((thrown as Error).message).toContain(message);
  });

  it('keeps the good account when another code on the page is malformed', () => {
    const result = interpretQrTexts(['otpauth://totp/X?secret=18', amazon], 'page');
    expect(result.drafts).toHaveLength(1);
  });
});
