import type { Rule } from '../rule.ts';
import { absolute } from './absolute.ts';
import { compareBasis } from './compare-basis.ts';
import { compostableQualify } from './compostable-qualify.ts';
import { degradable } from './degradable.ts';
import { evidenceExpired } from './evidence-expired.ts';
import { evidenceSelfOnly } from './evidence-self-only.ts';
import { freeOf } from './free-of.ts';
import { futureNoPlan } from './future-no-plan.ts';
import { futureNoVerifier } from './future-no-verifier.ts';
import { genericBroad } from './generic-broad.ts';
import { genericQualified } from './generic-qualified.ts';
import { genericTerm } from './generic-term.ts';
import { labelNoScheme } from './label-no-scheme.ts';
import { legalRequirement } from './legal-requirement.ts';
import { negligible } from './negligible.ts';
import { neutralBasisUnknown } from './neutral-basis-unknown.ts';
import { noEvidence } from './no-evidence.ts';
import { nontoxic } from './nontoxic.ts';
import { numberMismatch } from './number-mismatch.ts';
import { offsetCompany } from './offset-company.ts';
import { offsetProductNeutral } from './offset-product-neutral.ts';
import { offsetUndisclosed } from './offset-undisclosed.ts';
import { offsetVerify } from './offset-verify.ts';
import { recyclableQualify } from './recyclable-qualify.ts';
import { recycledPct } from './recycled-pct.ts';
import { reepMismatch } from './reep-mismatch.ts';
import { renewableEnergy } from './renewable-energy.ts';
import { renewableMaterial } from './renewable-material.ts';
import { sealNoBasis } from './seal-no-basis.ts';
import { wholeVsPart } from './whole-vs-part.ts';
import { contentPct } from './content-pct.ts';
import { evidenceScope } from './evidence-scope.ts';
import { impliedClaimRule } from './implied-claim.ts';
import { rangeCriteria } from './range-criteria.ts';
import { unequalComparison } from './unequal-comparison.ts';

/** Every rule, in the order of the reference table (findings are listed in this order). */
export const RULES: readonly Rule[] = [
  genericTerm, genericQualified, genericBroad, impliedClaimRule, rangeCriteria, absolute, reepMismatch, wholeVsPart, offsetProductNeutral, offsetUndisclosed,
  neutralBasisUnknown, offsetCompany, offsetVerify, labelNoScheme, sealNoBasis, evidenceExpired, noEvidence, evidenceSelfOnly,
  futureNoPlan, futureNoVerifier, legalRequirement, freeOf, nontoxic, recyclableQualify, recycledPct, compostableQualify,
  degradable, renewableEnergy, renewableMaterial, contentPct, compareBasis, unequalComparison, evidenceScope, negligible, numberMismatch,
];
