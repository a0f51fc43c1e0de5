import { futureNoPlan } from '../../../electron/core/claims/rules/future-no-plan.ts';
import { cert, inHouse, ruleTable } from '../helpers.ts';

const full = {
  category: 'future_target' as const, metric: 'Scope 1-3 emissions', unit: 'tCO2e',
  baseline: { value: 1000, year: 2019 }, target: { value: 500, year: 2030 },
  evidence: [inHouse({ title: 'Climate transition plan 2025' }), cert({ type: 'audit' as const })],
};

ruleTable(futureNoPlan, [
  { name: 'net zero by 2040 with nothing behind it', statement: 'We will be net zero by 2040.', fields: { category: 'climate' }, fires: true, message: /target value and year, a baseline/ },
  { name: 'no baseline', statement: 'We aim to halve emissions by 2030.', fields: { ...full, baseline: null }, fires: true, message: /baseline/ },
  { name: 'no plan in the evidence', statement: 'We aim to halve emissions by 2030.', fields: { ...full, evidence: [cert({ type: 'audit' })] }, fires: true, message: /plan/ },
  { name: 'pledge without a target', statement: 'We pledge to cut plastic.', fields: { ...full, target: null }, fires: true },
  { name: 'complete: target, baseline, plan', statement: 'We aim to cut our emissions 50% by 2030 versus 2019.', fields: full, fires: false },
  { name: 'a roadmap counts as a plan', statement: 'On track for 100% recyclable packaging by 2027.', fields: { ...full, evidence: [inHouse({ issuer: 'Internal packaging roadmap' })] }, fires: false },
  { name: 'present-tense claim', statement: 'Made with 30% recycled plastic.', fields: { category: 'recycled_content' }, fires: false },
  { name: 'future words without an environmental claim', statement: 'Our new store will open by 2027.', fields: { category: 'other' }, fires: false },
  { name: 'US: NAD and NARB require a plan behind aspirational claims (JBS 2023)', statement: 'We will be net zero by 2040.', fields: { markets: ['US'], category: 'climate' }, fires: true },
]);
