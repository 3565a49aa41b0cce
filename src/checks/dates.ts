// Check "dates" (Annex II "authentic": the date of issuing can be checked): strict RFC 3339,
// not issued in the future, the validity window, proof creation times, and VC 1.1 / 2.0 mix-ups.
import { finding } from '../findings/index.js';
import { decodeVcJwt, isoFromSeconds } from '../input/vc-jwt.js';
import { items, isObject } from '../formats/json.js';
import type { Finding } from '../model/results.js';
import { parseDateTime, parseFullDate } from './datetime.js';
import { resultFromFindings } from './result.js';
import type { Check, CheckContext } from './types.js';

interface DateRead {
  property: string;
  raw: string;
  pointer: string;
  date?: Date;
}

export const datesCheck: Check = {
  id: 'dates',
  run(context) {
    const { document, adapted, options } = context;
    const findings: Finding[] = [];
    const at = options.at.getTime();
    const skew = options.skewSeconds * 1000;
    const v2 = adapted.vcVersion === '2.0';
    const details: Record<string, unknown> = {
      verifiedAt: options.at.toISOString(),
      skewSeconds: options.skewSeconds,
    };

    // Where the date of issuing came from (the adapters chose it); it must always carry an offset.
    const issuing = adapted.elements.dateOfIssuing;
    const issuingPointer = issuing.present ? issuing.pointers[0] : undefined;
    if (!issuing.present && options.profile === 'authenticity')
      findings.push(finding('DATE_OF_ISSUING_MISSING'));

    /** Reads one date; `offsetRequired` for the date of issuing and every VC 2.0 date. */
    const read = (property: string, raw: unknown, pointer: string): DateRead | undefined => {
      if (raw === undefined || raw === null) return undefined;
      const offsetRequired = v2 || pointer === issuingPointer;
      if (typeof raw !== 'string') {
        findings.push(finding('DATE_INVALID', { pointer, message: `${property} is not a string` }));
        return { property, raw: String(raw), pointer };
      }
      const parsed = parseDateTime(raw);
      if (!parsed.ok) {
        findings.push(
          finding('DATE_INVALID', { pointer, message: `${property} "${raw}" is invalid: ${parsed.problem}` }),
        );
        return { property, raw, pointer };
      }
      if (!parsed.hasOffset) {
        findings.push(
          offsetRequired
            ? finding('DATE_NO_OFFSET', { pointer, message: `${property} "${raw}" has no time-zone offset` })
            : finding('DATE_NO_OFFSET_ASSUMED_UTC', {
                pointer,
                message: `${property} "${raw}" has no offset; treated as UTC`,
              }),
        );
      }
      return { property, raw, pointer, date: parsed.date };
    };

    const dates = new Map<string, DateRead>();
    for (const property of ['issued', 'issuanceDate', 'validFrom', 'validUntil', 'expirationDate']) {
      const d = read(property, document[property], `/${property}`);
      if (d) dates.set(property, d);
    }
    // A date of issuing read elsewhere (an award date inside the claim).
    let issued = [...dates.values()].find((d) => d.pointer === issuingPointer);
    if (!issued && issuing.value && issuingPointer !== undefined) {
      // Outside the VC date properties (a native record, an award date) a plain day is a valid date.
      const day = parseFullDate(issuing.value.raw);
      issued = day
        ? { property: 'date of issuing', raw: issuing.value.raw, pointer: issuingPointer, date: day }
        : read('date of issuing', issuing.value.raw, issuingPointer);
    }
    details.dateOfIssuing = issuing.value?.raw ?? null;

    // The validity window: validFrom (or VC 1.1 issuanceDate) to validUntil / expirationDate.
    const start = dates.get('validFrom') ?? (v2 ? undefined : dates.get('issuanceDate'));
    const end = dates.get('validUntil') ?? dates.get('expirationDate');
    if (start?.date) {
      const t = start.date.getTime();
      if (t > at + skew) {
        findings.push(
          finding('DATE_NOT_YET_VALID', {
            pointer: start.pointer,
            message: `Not yet valid: valid from ${start.raw}`,
          }),
        );
      } else if (t > at) {
        findings.push(skewFinding(start, options.skewSeconds));
      }
    }
    // A date of issuing that is also the validity start is judged as the start: one fault, one finding.
    if (issued?.date && issued !== start) {
      const t = issued.date.getTime();
      if (t > at + skew) {
        findings.push(
          finding('DATE_ISSUED_IN_FUTURE', {
            pointer: issued.pointer,
            message: `Issued ${issued.raw}, after the verification time ${options.at.toISOString()}`,
          }),
        );
      } else if (t > at) {
        findings.push(skewFinding(issued, options.skewSeconds));
      }
    }

    if (end?.date && end.date.getTime() < at - skew) {
      findings.push(finding('DATE_EXPIRED', { pointer: end.pointer, message: `Expired on ${end.raw}` }));
    }
    if (start?.date && end?.date && end.date.getTime() < start.date.getTime()) {
      findings.push(
        finding('DATE_WINDOW_INVERTED', {
          pointer: end.pointer,
          message: `${end.property} ${end.raw} is before ${start.property} ${start.raw}`,
        }),
      );
    }
    details.validFrom = start?.raw ?? null;
    details.validUntil = end?.raw ?? null;

    findings.push(...jwtClaimFindings(context, dates, at, skew));
    findings.push(...proofCreatedFindings(context, at + skew));
    findings.push(...modelMixFindings(context));
    return resultFromFindings('dates', findings, { details });
  },
};

function skewFinding(date: DateRead, skewSeconds: number): Finding {
  return finding('DATE_SKEW_TOLERATED', {
    pointer: date.pointer,
    message: `${date.property} ${date.raw} is after the verification time but within the ${skewSeconds}s skew`,
  });
}

/**
 * A VC-JWT's nbf / exp, where the credential has no date of its own to judge: when it has one,
 * that date was judged above and a disagreement is JWT_DATES_CONFLICT (signature check).
 */
function jwtClaimFindings(
  { container, envelope, options }: CheckContext,
  dates: Map<string, DateRead>,
  at: number,
  skew: number,
): Finding[] {
  if (envelope?.type !== 'jwt' || typeof container.jwt !== 'string') return [];
  const decoded = decodeVcJwt(container.jwt);
  if (!decoded.ok) return [];
  const out: Finding[] = [];
  const { nbf, exp } = decoded.payload;
  const hasStart = dates.has('validFrom') || dates.has('issuanceDate');
  const hasEnd = dates.has('validUntil') || dates.has('expirationDate');
  if (typeof exp === 'number' && !hasEnd && exp * 1000 < at - skew) {
    out.push(
      finding('JWT_EXPIRED', {
        message: `The JWT expired at ${isoFromSeconds(exp)} (exp), before ${options.at.toISOString()}`,
      }),
    );
  }
  if (typeof nbf === 'number' && !hasStart && nbf * 1000 > at + skew) {
    out.push(
      finding('JWT_NOT_YET_VALID', {
        message: `The JWT is valid from ${isoFromSeconds(nbf)} (nbf), after ${options.at.toISOString()}`,
      }),
    );
  }
  return out;
}

function proofCreatedFindings({ document, options }: CheckContext, latest: number): Finding[] {
  const out: Finding[] = [];
  for (const proof of items({ value: document.proof, pointer: '/proof' })) {
    if (!isObject(proof.value) || typeof proof.value.created !== 'string') continue;
    const parsed = parseDateTime(proof.value.created);
    const pointer = `${proof.pointer}/created`;
    if (!parsed.ok) {
      out.push(
        finding('DATE_INVALID', {
          pointer,
          message: `proof.created "${proof.value.created}" is invalid: ${parsed.problem}`,
        }),
      );
    } else if (parsed.date.getTime() > latest) {
      out.push(
        finding('PROOF_CREATED_IN_FUTURE', {
          pointer,
          message: `proof.created ${proof.value.created} is after the verification time ${options.at.toISOString()}`,
        }),
      );
    }
  }
  return out;
}

function modelMixFindings({ document, adapted }: CheckContext): Finding[] {
  const out: Finding[] = [];
  if (adapted.vcVersion === '2.0') {
    for (const property of ['issuanceDate', 'expirationDate']) {
      if (property in document) {
        out.push(
          finding('DATE_PROPERTY_WRONG_MODEL', {
            pointer: `/${property}`,
            message: `${property} (VC 1.1) in a VC 2.0 credential`,
          }),
        );
      }
    }
  } else if (adapted.vcVersion === '1.1' && (adapted.format === 'ob3' || adapted.format === 'vc')) {
    // EDC and EBSI 1.1 profiles define validFrom / validUntil themselves.
    for (const property of ['validFrom', 'validUntil']) {
      if (property in document) {
        out.push(
          finding('DATE_PROPERTY_WRONG_MODEL', {
            pointer: `/${property}`,
            message: `${property} (VC 2.0) in a VC 1.1 credential`,
          }),
        );
      }
    }
  }
  return out;
}
