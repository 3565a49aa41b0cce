// Test PKI and JAdES sealing, for fixtures and tests: a self-signed root CA, intermediates, e-seal
// and TSA certificates (pkijs + node webcrypto), RFC 3161 timestamp tokens (pkijs CMS), and JAdES
// JWS JSON seals with an unencoded payload (jose). Nothing here is for production keys.
import { createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as jose from 'jose';
import * as pkijs from 'pkijs';
import { certificateDer, certificateSha256, cryptoEngine, toArrayBuffer } from '../resolve/x509.js';

const subtle = webcrypto.subtle;

export type TestKeyKind = 'RSA-2048' | 'EC-P256';

const KEY_ALGORITHMS: Record<TestKeyKind, RsaHashedKeyGenParams | EcKeyGenParams> = {
  'RSA-2048': {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
  'EC-P256': { name: 'ECDSA', namedCurve: 'P-256' },
};

export async function generateTestKeyPair(kind: TestKeyKind): Promise<CryptoKeyPair> {
  return (await subtle.generateKey(KEY_ALGORITHMS[kind], true, ['sign', 'verify'])) as CryptoKeyPair;
}

function pem(label: string, der: ArrayBuffer | Uint8Array): string {
  const b64 = Buffer.from(der instanceof Uint8Array ? der : new Uint8Array(der)).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;
}

/** PKCS#8 PEM of a private key. */
export async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  return pem('PRIVATE KEY', await subtle.exportKey('pkcs8', key));
}

/** Imports a PKCS#8 PEM private key written by exportPrivateKeyPem, with its public key. */
export async function importPrivateKeyPem(text: string, kind: TestKeyKind): Promise<CryptoKeyPair> {
  const der = createPrivateKey(text).export({ format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(text).export({ format: 'der', type: 'spki' });
  const algorithm = KEY_ALGORITHMS[kind];
  const privateKey = await subtle.importKey('pkcs8', der, algorithm, true, ['sign']);
  const publicKey = await subtle.importKey('spki', spki, algorithm, true, ['verify']);
  return { privateKey, publicKey };
}

export function certificateToPem(cert: pkijs.Certificate): string {
  return pem('CERTIFICATE', certificateDer(cert));
}

/** Subject attributes of a test certificate (printed in this order). */
export interface NameSpec {
  C?: string;
  O?: string;
  OU?: string;
  /** ETSI EN 319 412-1 organizationIdentifier (OID 2.5.4.97), e.g. VATNL-TEST0001. */
  organizationIdentifier?: string;
  CN?: string;
}

const NAME_OIDS: [keyof NameSpec, string][] = [
  ['C', '2.5.4.6'],
  ['O', '2.5.4.10'],
  ['OU', '2.5.4.11'],
  ['organizationIdentifier', '2.5.4.97'],
  ['CN', '2.5.4.3'],
];

function buildName(spec: NameSpec): pkijs.RelativeDistinguishedNames {
  // One attribute per RDN (SET), as CAs do; pkijs alone would put them all into one multi-valued RDN.
  const rdns: asn1js.Set[] = [];
  for (const [key, oid] of NAME_OIDS) {
    const value = spec[key];
    if (value === undefined) continue;
    const attribute = new pkijs.AttributeTypeAndValue({
      type: oid,
      value: key === 'C' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
    });
    rdns.push(new asn1js.Set({ value: [attribute.toSchema()] }));
  }
  const der = new asn1js.Sequence({ value: rdns }).toBER(false);
  return new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(der).result });
}

/** root / ca: CA certificates; eseal: an electronic-seal leaf (non-repudiation); tsa: a timestamping leaf. */
export type CertificateProfile = 'root' | 'ca' | 'eseal' | 'tsa';

export interface CertificateSpec {
  profile: CertificateProfile;
  subject: NameSpec;
  serialNumber: number;
  notBefore: Date;
  notAfter: Date;
  /** The subject's public key. */
  publicKey: CryptoKey;
  /** The issuing CA; absent for a self-signed root (then `selfSigningKey` signs). */
  issuer?: { certificate: pkijs.Certificate; privateKey: CryptoKey };
  selfSigningKey?: CryptoKey;
}

// KeyUsage bits (first byte): digitalSignature 0x80, nonRepudiation 0x40, keyCertSign 0x04, cRLSign 0x02.
const KEY_USAGE: Record<CertificateProfile, { bits: number; unused: number }> = {
  root: { bits: 0x06, unused: 1 },
  ca: { bits: 0x06, unused: 1 },
  eseal: { bits: 0xc0, unused: 6 },
  tsa: { bits: 0xc0, unused: 6 },
};

async function keyIdentifier(cert: pkijs.Certificate): Promise<ArrayBuffer> {
  return cryptoEngine.digest(
    { name: 'SHA-1' },
    toArrayBuffer(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView),
  );
}

function extensionValue(cert: pkijs.Certificate, oid: string): pkijs.Extension | undefined {
  return cert.extensions?.find((e) => e.extnID === oid);
}

/** Issues a test certificate; deterministic for RSA issuers (PKCS#1 v1.5), randomised for ECDSA. */
export async function createTestCertificate(spec: CertificateSpec): Promise<pkijs.Certificate> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: spec.serialNumber });
  cert.subject = buildName(spec.subject);
  cert.issuer = spec.issuer ? spec.issuer.certificate.subject : buildName(spec.subject);
  cert.notBefore.value = spec.notBefore;
  cert.notAfter.value = spec.notAfter;
  await cert.subjectPublicKeyInfo.importKey(spec.publicKey, cryptoEngine);

  const isCa = spec.profile === 'root' || spec.profile === 'ca';
  const extensions: pkijs.Extension[] = [
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new pkijs.BasicConstraints(
        isCa ? { cA: true, ...(spec.profile === 'ca' ? { pathLenConstraint: 0 } : {}) } : { cA: false },
      )
        .toSchema()
        .toBER(false),
    }),
    new pkijs.Extension({
      extnID: '2.5.29.15',
      critical: true,
      extnValue: new asn1js.BitString({
        valueHex: new Uint8Array([KEY_USAGE[spec.profile].bits]).buffer,
        unusedBits: KEY_USAGE[spec.profile].unused,
      }).toBER(false),
    }),
    new pkijs.Extension({
      extnID: '2.5.29.14',
      critical: false,
      extnValue: new asn1js.OctetString({ valueHex: await keyIdentifier(cert) }).toBER(false),
    }),
  ];
  if (spec.issuer) {
    const issuerSki = extensionValue(spec.issuer.certificate, '2.5.29.14');
    const ski = issuerSki
      ? (asn1js.fromBER(issuerSki.extnValue.valueBlock.valueHexView).result as asn1js.OctetString).valueBlock
          .valueHexView
      : new Uint8Array(await keyIdentifier(spec.issuer.certificate));
    extensions.push(
      new pkijs.Extension({
        extnID: '2.5.29.35',
        critical: false,
        extnValue: new pkijs.AuthorityKeyIdentifier({
          keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(ski) }),
        })
          .toSchema()
          .toBER(false),
      }),
    );
  }
  if (spec.profile === 'tsa') {
    extensions.push(
      new pkijs.Extension({
        extnID: '2.5.29.37',
        critical: true,
        extnValue: new pkijs.ExtKeyUsage({ keyPurposes: ['1.3.6.1.5.5.7.3.8'] }).toSchema().toBER(false),
      }),
    );
  }
  cert.extensions = extensions;

  const signingKey = spec.issuer?.privateKey ?? spec.selfSigningKey;
  if (!signingKey) throw new Error('createTestCertificate: a self-signed certificate needs selfSigningKey');
  await cert.sign(signingKey, 'SHA-256', cryptoEngine);
  return cert;
}

/** A timestamp authority for test tokens. */
export interface TimestampAuthority {
  certificate: pkijs.Certificate;
  privateKey: CryptoKey;
  genTime: Date;
  serialNumber: number;
  /** TSA policy OID (a test arc by default). */
  policy?: string;
}

/** An RFC 3161 timestamp token (DER ContentInfo/SignedData/TSTInfo) over SHA-256(data). */
export async function createTimestampToken(data: Uint8Array, tsa: TimestampAuthority): Promise<Uint8Array> {
  const digest = await cryptoEngine.digest({ name: 'SHA-256' }, toArrayBuffer(data));
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: tsa.policy ?? '1.3.6.1.4.1.99999.1.1',
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.1' }),
      hashedMessage: new asn1js.OctetString({ valueHex: digest }),
    }),
    serialNumber: new asn1js.Integer({ value: tsa.serialNumber }),
    genTime: tsa.genTime,
  });
  const tstDer = tstInfo.toSchema().toBER(false);
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: '1.2.840.113549.1.9.16.1.4',
      eContent: new asn1js.OctetString({ valueHex: tstDer }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: tsa.certificate.issuer,
          serialNumber: tsa.certificate.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({
              type: '1.2.840.113549.1.9.3',
              values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.9.16.1.4' })],
            }),
            // ESS signing-certificate-v2 (RFC 5816): SigningCertificateV2 { certs: [ESSCertIDv2 { certHash }] },
            // hash algorithm SHA-256 by default.
            new pkijs.Attribute({
              type: '1.2.840.113549.1.9.16.2.47',
              values: [
                new asn1js.Sequence({
                  value: [
                    new asn1js.Sequence({
                      value: [
                        new asn1js.Sequence({
                          value: [
                            new asn1js.OctetString({
                              valueHex: await cryptoEngine.digest(
                                { name: 'SHA-256' },
                                toArrayBuffer(certificateDer(tsa.certificate)),
                              ),
                            }),
                          ],
                        }),
                      ],
                    }),
                  ],
                }),
              ],
            }),
            new pkijs.Attribute({
              type: '1.2.840.113549.1.9.4',
              values: [
                new asn1js.OctetString({ valueHex: await cryptoEngine.digest({ name: 'SHA-256' }, tstDer) }),
              ],
            }),
          ],
        }),
      }),
    ],
    certificates: [tsa.certificate],
  });
  // pkijs turns eContent into a constructed (BER) OCTET STRING; RFC 3161 tokens are DER, so put back
  // the primitive one.
  signedData.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: tstDer });
  await signedData.sign(tsa.privateKey, 0, 'SHA-256', undefined, cryptoEngine);
  const contentInfo = new pkijs.ContentInfo({
    contentType: '1.2.840.113549.1.7.2',
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

export type JadesAlgorithm =
  'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512';

export interface JadesSealOptions {
  /** x5c: the signing (leaf) certificate first, then any intermediates to include. */
  certificateChain: pkijs.Certificate[];
  /** The leaf's private key (a CryptoKey whose algorithm fits `alg`). */
  privateKey: CryptoKey;
  alg: JadesAlgorithm;
  /** The claimed signing time (sigT). */
  signingTime: Date;
  /** Certificates for etsiU xVals (e.g. intermediates left out of x5c). */
  xVals?: pkijs.Certificate[];
  /** Adds a content timestamp (adoTst, protected) over the payload. */
  contentTimestamp?: TimestampAuthority;
  /** Adds a signature timestamp (etsiU sigTst) over the base64url signature value. */
  signatureTimestamp?: TimestampAuthority;
  /** Extra protected header parameters (e.g. to test an unknown critical parameter). */
  extraProtectedHeader?: Record<string, unknown>;
  /** Extra names for `crit` (each must be in extraProtectedHeader). */
  extraCritical?: string[];
  serialization?: 'general' | 'flattened';
}

export interface JadesSignature {
  protected: string;
  header?: { etsiU: string[] };
  signature: string;
}

export type JadesEnvelope =
  { payload: string; signatures: JadesSignature[] } | ({ payload: string } & JadesSignature);

/** ASN.1 IssuerSerial of a certificate, base64 (the JAdES `kid` form). */
function issuerSerialKid(cert: pkijs.Certificate): string {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })] }).toSchema(),
      cert.serialNumber,
    ],
  });
  return Buffer.from(issuerSerial.toBER(false)).toString('base64');
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/**
 * Seals a credential as EDC does (EU DSS JAdES, enveloping, JWS JSON serialisation, b64:false):
 * the payload is the credential JSON as-is, the signing input is
 * ASCII(BASE64URL(protected)) || '.' || payload. RS256 is deterministic; ES256 and PS256 are not.
 */
export async function sealJades(credential: unknown, options: JadesSealOptions): Promise<JadesEnvelope> {
  const payload = typeof credential === 'string' ? credential : JSON.stringify(credential);
  const leaf = options.certificateChain[0];
  if (!leaf) throw new Error('sealJades: certificateChain needs the signing certificate');
  const payloadBytes = new TextEncoder().encode(payload);

  const header: Record<string, unknown> = {
    alg: options.alg,
    cty: 'json',
    kid: issuerSerialKid(leaf),
    'x5t#S256': certificateSha256(leaf),
    x5c: options.certificateChain.map((c) => Buffer.from(certificateDer(c)).toString('base64')),
    typ: 'jose+json',
    b64: false,
    sigT: options.signingTime.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const crit = ['b64', 'sigT'];
  if (options.contentTimestamp) {
    const token = await createTimestampToken(payloadBytes, options.contentTimestamp);
    header.adoTst = { tstTokens: [{ val: Buffer.from(token).toString('base64') }] };
    crit.push('adoTst');
  }
  Object.assign(header, options.extraProtectedHeader ?? {});
  crit.push(...(options.extraCritical ?? []));
  header.crit = crit;

  const recognised: Record<string, boolean> = {};
  for (const name of crit) if (name !== 'b64') recognised[name] = true;
  const signed = await new jose.FlattenedSign(payloadBytes)
    .setProtectedHeader(header as jose.JWSHeaderParameters)
    .sign(options.privateKey, { crit: recognised });

  const etsiU: string[] = [];
  if (options.signatureTimestamp) {
    const token = await createTimestampToken(
      new TextEncoder().encode(signed.signature),
      options.signatureTimestamp,
    );
    etsiU.push(b64url({ sigTst: { tstTokens: [{ val: Buffer.from(token).toString('base64') }] } }));
  }
  if (options.xVals && options.xVals.length > 0) {
    etsiU.push(
      b64url({
        xVals: options.xVals.map((c) => ({
          x509Cert: { val: Buffer.from(certificateDer(c)).toString('base64') },
        })),
      }),
    );
  }
  const signature: JadesSignature = { protected: signed.protected!, signature: signed.signature };
  if (etsiU.length > 0) signature.header = { etsiU };
  return options.serialization === 'flattened'
    ? { payload, ...signature }
    : { payload, signatures: [signature] };
}

// ── the fixture PKI (fixtures/pki) ─────────────────────────────────────────────────────────

export type TestPkiName =
  'root' | 'intermediate' | 'esealRsa' | 'esealEc' | 'esealExpired' | 'tsa' | 'wrongRoot';

interface TestPkiSpec {
  file: string;
  kind: TestKeyKind;
  profile: CertificateProfile;
  serialNumber: number;
  subject: NameSpec;
  notBefore: string;
  notAfter: string;
  issuer?: TestPkiName;
}

const FIXTURE_CA = { C: 'NL', O: 'mcred Fixture PKI' };
const SEALER = {
  C: 'NL',
  O: 'Example Micro-Credential Academy B.V.',
  organizationIdentifier: 'VATNL-TEST0001',
};

/** Fixed names, serials and validity periods of the fixture PKI (issuers come before what they issue). */
export const TEST_PKI_SPECS: Record<TestPkiName, TestPkiSpec> = {
  root: {
    file: 'root-ca',
    kind: 'RSA-2048',
    profile: 'root',
    serialNumber: 0x1001,
    subject: { ...FIXTURE_CA, CN: 'mcred Fixture Root CA' },
    notBefore: '2024-01-01T00:00:00Z',
    notAfter: '2049-01-01T00:00:00Z',
  },
  intermediate: {
    file: 'intermediate-ca',
    kind: 'RSA-2048',
    profile: 'ca',
    serialNumber: 0x2001,
    subject: { ...FIXTURE_CA, CN: 'mcred Fixture e-Seal CA' },
    notBefore: '2024-01-01T00:00:00Z',
    notAfter: '2044-01-01T00:00:00Z',
    issuer: 'root',
  },
  esealRsa: {
    file: 'eseal-rsa',
    kind: 'RSA-2048',
    profile: 'eseal',
    serialNumber: 0x3001,
    subject: { ...SEALER, CN: 'Example Micro-Credential Academy e-Seal' },
    notBefore: '2024-06-01T00:00:00Z',
    notAfter: '2034-06-01T00:00:00Z',
    issuer: 'intermediate',
  },
  esealEc: {
    file: 'eseal-ec',
    kind: 'EC-P256',
    profile: 'eseal',
    serialNumber: 0x3002,
    subject: { ...SEALER, CN: 'Example Micro-Credential Academy e-Seal (EC)' },
    notBefore: '2024-06-01T00:00:00Z',
    notAfter: '2034-06-01T00:00:00Z',
    issuer: 'intermediate',
  },
  esealExpired: {
    file: 'eseal-expired',
    kind: 'RSA-2048',
    profile: 'eseal',
    serialNumber: 0x3003,
    subject: { ...SEALER, CN: 'Example Micro-Credential Academy e-Seal 2024' },
    notBefore: '2024-01-01T00:00:00Z',
    notAfter: '2024-12-31T23:59:59Z',
    issuer: 'intermediate',
  },
  tsa: {
    file: 'tsa',
    kind: 'RSA-2048',
    profile: 'tsa',
    serialNumber: 0x4001,
    subject: { ...FIXTURE_CA, CN: 'mcred Fixture TSA' },
    notBefore: '2024-01-01T00:00:00Z',
    notAfter: '2034-01-01T00:00:00Z',
    issuer: 'root',
  },
  wrongRoot: {
    // Same name as the real root, another key: a look-alike anchor that must not validate the chain.
    file: 'wrong-root-ca',
    kind: 'RSA-2048',
    profile: 'root',
    serialNumber: 0x1002,
    subject: { ...FIXTURE_CA, CN: 'mcred Fixture Root CA' },
    notBefore: '2024-01-01T00:00:00Z',
    notAfter: '2049-01-01T00:00:00Z',
  },
};

/** The claimed signing time (sigT) of the fixture seals. */
export const TEST_SIGNING_TIME = new Date('2025-01-15T10:00:00Z');

export interface TestPkiEntry {
  certificate: pkijs.Certificate;
  keys: CryptoKeyPair;
}

export type TestPki = Record<TestPkiName, TestPkiEntry>;

/** Issues the fixture PKI, reusing given key pairs (new keys for the others). */
export async function buildTestPki(keys: Partial<Record<TestPkiName, CryptoKeyPair>> = {}): Promise<TestPki> {
  const pki = {} as TestPki;
  for (const name of Object.keys(TEST_PKI_SPECS) as TestPkiName[]) {
    const spec = TEST_PKI_SPECS[name];
    const pair = keys[name] ?? (await generateTestKeyPair(spec.kind));
    const issuer = spec.issuer ? pki[spec.issuer] : undefined;
    const certificate = await createTestCertificate({
      profile: spec.profile,
      subject: spec.subject,
      serialNumber: spec.serialNumber,
      notBefore: new Date(spec.notBefore),
      notAfter: new Date(spec.notAfter),
      publicKey: pair.publicKey,
      ...(issuer
        ? { issuer: { certificate: issuer.certificate, privateKey: issuer.keys.privateKey } }
        : { selfSigningKey: pair.privateKey }),
    });
    pki[name] = { certificate, keys: pair };
  }
  return pki;
}

/** Reads the fixture PKI written by scripts/make-pki-fixtures.ts: `<file>.pem` and `<file>.key.pem`. */
export async function loadTestPki(dir: string): Promise<TestPki> {
  const pki = {} as TestPki;
  for (const name of Object.keys(TEST_PKI_SPECS) as TestPkiName[]) {
    const spec = TEST_PKI_SPECS[name];
    const certPem = await readFile(join(dir, `${spec.file}.pem`), 'utf8');
    const keyPem = await readFile(join(dir, `${spec.file}.key.pem`), 'utf8');
    const b64 = certPem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
    const certificate = pkijs.Certificate.fromBER(toArrayBuffer(Buffer.from(b64, 'base64')));
    pki[name] = { certificate, keys: await importPrivateKeyPem(keyPem, spec.kind) };
  }
  return pki;
}

/** The fixture TSA, stamping at `genTime` with a fixed token serial. */
export function testTimestampAuthority(
  pki: TestPki,
  genTime: Date,
  serialNumber: number,
): TimestampAuthority {
  return { certificate: pki.tsa.certificate, privateKey: pki.tsa.keys.privateKey, genTime, serialNumber };
}
