import { nontoxic } from '../../../electron/core/claims/rules/nontoxic.ts';
import { cert, ruleTable } from '../helpers.ts';

ruleTable(nontoxic, [
  { name: 'human toxicity only', statement: 'Non-toxic all-purpose cleaner, safe around kids and pets.', fields: { markets: ['US'], evidence: [cert({ type: 'report', issuer: 'Independent toxicology lab', covers: ['human toxicity'] })] }, fires: true, message: /environment/ },
  { name: 'no evidence', statement: 'Non-toxic paint.', fires: true },
  { name: 'chemical-free', statement: 'Chemical-free cleaning.', fires: true },
  { name: 'free of harsh chemicals', statement: 'Free of harsh chemicals.', fires: true },
  { name: 'environment only', statement: 'Non-toxic paint.', fields: { evidence: [cert({ covers: ['aquatic toxicity'] })] }, fires: true, message: /people/ },
  { name: 'both covered', statement: 'Non-toxic paint.', fields: { evidence: [cert({ covers: ['human health', 'aquatic toxicity'] })] }, fires: false },
  { name: 'both covered by two reports', statement: 'Non-toxic paint.', fields: { evidence: [cert({ covers: ['human toxicity'] }), cert({ covers: ['ecotoxicity'] })] }, fires: false },
  { name: 'negated', statement: 'Not non-toxic if swallowed.', fires: false },
  { name: 'toxic warning is not a claim', statement: 'Toxic to aquatic life.', fires: false },
]);
