// Fernhill's sustainability claims: some solid, some that the green-claims linter flags, one missed target, one
// retired claim, and claims whose figures changed between revisions, each with evidence on file or online.

export type DemoEvidence = {
  type: 'certificate' | 'report' | 'audit' | 'dataset' | 'url';
  title: string;
  issuer: string | null;
  independent_third_party: boolean;
  issued: string | null;
  valid_until: string | null;
  covers: string[];
  url?: string;
  file?: string;
};

export type DemoClaim = {
  id: string;
  title: string;
  statement: string;
  markets: string[];
  category: string;
  scope: 'product' | 'part' | 'company';
  scope_detail?: string;
  metric?: string;
  unit?: string;
  baseline?: { value: number; year: number };
  target?: { value: number; year: number };
  current_value?: number;
  current_as_of?: string;
  comparison_basis?: string;
  uses_offsets?: boolean | null;
  label?: string;
  owner: string;
  evidence: DemoEvidence[];
};

/** How each claim moves through the workflow in the demo: publish dates, later updates, retirement. */
export type ClaimPlan = {
  claim: DemoClaim;
  publishAt: string | null;
  override?: string;
  updates?: { at: string; change: Partial<DemoClaim>; override?: string }[];
  retireAt?: string;
};

export const EVIDENCE_FILES: Record<string, string> = {
  'grs-certificate-2025.txt': 'Global Recycled Standard (GRS) scope certificate\nCertified organisation: Fernhill Outfitters Ltd\nProducts: Langdale fleece (100% recycled polyester, whole garment)\nCertification body: Control Union Certifications B.V.\nValid: 2025-02-01 to 2027-01-31\n',
  'sbti-validation-2024.txt': 'Science Based Targets initiative: target validation\nCompany: Fernhill Outfitters Ltd\nNear-term target: reduce absolute scope 1, 2 and 3 GHG emissions 50% by 2030 from a 2019 base year.\nNet-zero target: 90% reduction by 2040, neutralising residual emissions.\nValidated: 2024-06-12\n',
  'ghg-inventory-2025.txt': 'Fernhill Outfitters greenhouse gas inventory 2025\nMethod: GHG Protocol Corporate Standard, operational control\nScope 1: 410 tCO2e  Scope 2 (market-based): 96 tCO2e  Scope 3: 30,650 tCO2e\nTotal: 31,156 tCO2e\nLimited assurance: Bureau Veritas UK Ltd, 2026-03-15\n',
  'rego-certificates-2025.txt': 'Renewable Energy Guarantees of Origin (REGO) cancellation statement\nSupplier: Good Energy Ltd\nSites: all 14 Fernhill UK shops and the Kendal warehouse\nPeriod: 2025-01-01 to 2025-12-31, 1,240 MWh\n',
  'pfc-free-lab-report-2025.txt': 'Laboratory report: PFAS screening of the Skiddaw waterproof jacket (shell fabric, membrane, DWR finish)\nLaboratory: Hohenstein Laboratories GmbH\nResult: no PFAS detected above 25 ppb total organic fluorine\nDate: 2025-05-20\n',
  'water-audit-2025.txt': 'Dye house water audit, Porto partner mill\nAuditor: Bureau Veritas Portugal\nLitres of water per kg of fabric dyed: 2021 baseline 120 L/kg; 2025 84 L/kg\n',
  'rds-certificate-2023.txt': 'Responsible Down Standard (RDS) transaction certificate\nProduct: Helvellyn down parka (down fill)\nCertification body: Control Union\nValid: 2023-03-01 to 2025-02-28\n',
  'rds-certificate-2025.txt': 'Responsible Down Standard (RDS) transaction certificate (renewal)\nProduct: Helvellyn down parka (down fill)\nCertification body: Control Union\nValid: 2025-03-01 to 2027-02-28\n',
  'climate-transition-plan-2024.txt': 'Fernhill Outfitters climate transition plan 2024-2040\nImplementation plan: supplier energy switch (2025-2030), low-carbon materials roadmap, freight modal shift, annual progress report.\nBaseline: 2019 inventory, 48,200 tCO2e.\n',
  'water-roadmap-2025.txt': 'Dye house water reduction roadmap 2025-2027 (implementation plan)\nSteps: closed-loop rinsing (2025), low-liquor dyeing machines (2026), waterless pre-treatment pilot (2027).\n',
  'repairs-plan-2025.txt': 'Repairs expansion plan 2025-2026\nImplementation plan: second workshop in Leeds (2025), repair kiosks in six shops (2026), postal repairs for EU customers.\n',
  'mailer-recyclability-note.txt': 'Internal note: paper mailer bags are kerbside recyclable in the UK (paper and card stream). Prepared by the Fernhill packaging team.\n',
  'repairs-dataset-2025.csv': 'year,repairs\n2022,2480\n2023,3910\n2024,5150\n2025,6210\n',
};

/** The demo's claims: what each says, when it is published, changed and retired. */
const DEMO_CLAIMS: readonly ClaimPlan[] = [
  {
    claim: {
      id: 'fh-fleece-recycled', title: 'Langdale fleece: 100% recycled polyester',
      statement: 'Our Langdale fleece is made from 100% recycled polyester, certified to the Global Recycled Standard.',
      markets: ['EU', 'UK', 'US'], category: 'recycled_content', scope: 'product', metric: 'recycled content by weight', unit: '%',
      current_value: 100, current_as_of: '2025-02-01', uses_offsets: false, owner: 'Materials team',
      evidence: [{ type: 'certificate', title: 'GRS scope certificate', issuer: 'Control Union Certifications B.V.', independent_third_party: true, issued: '2025-02-01', valid_until: '2027-01-31', covers: ['whole product'], file: 'grs-certificate-2025.txt' }],
    },
    publishAt: '2025-03-03T10:00:00Z',
  },
  {
    claim: {
      id: 'fh-net-zero-2040', title: 'Net zero across our value chain by 2040',
      statement: 'We will reach net zero greenhouse gas emissions across scopes 1, 2 and 3 by 2040, cutting emissions by 90% from 2019 and neutralising the rest. Our targets are validated by the Science Based Targets initiative.',
      markets: ['EU', 'UK', 'US'], category: 'future_target', scope: 'company', metric: 'scope 1-3 GHG emissions', unit: 'tCO2e',
      baseline: { value: 48200, year: 2019 }, target: { value: 4820, year: 2040 }, current_value: 36400, current_as_of: '2024-12-31',
      comparison_basis: '2019 inventory, GHG Protocol Corporate Standard', uses_offsets: false, owner: 'Head of Sustainability',
      evidence: [
        { type: 'report', title: 'SBTi target validation', issuer: 'Science Based Targets initiative', independent_third_party: true, issued: '2024-06-12', valid_until: null, covers: ['company', 'scope 1-3 targets'], file: 'sbti-validation-2024.txt' },
        { type: 'report', title: 'Climate transition plan 2024-2040', issuer: 'Fernhill Outfitters Ltd', independent_third_party: false, issued: '2024-09-01', valid_until: null, covers: ['company'], file: 'climate-transition-plan-2024.txt' },
      ],
    },
    publishAt: '2025-04-01T09:00:00Z',
    updates: [{
      at: '2026-03-20T09:00:00Z',
      change: {
        current_value: 31156, current_as_of: '2025-12-31',
        evidence: [
          { type: 'report', title: 'SBTi target validation', issuer: 'Science Based Targets initiative', independent_third_party: true, issued: '2024-06-12', valid_until: null, covers: ['company', 'scope 1-3 targets'], file: 'sbti-validation-2024.txt' },
          { type: 'report', title: 'Climate transition plan 2024-2040', issuer: 'Fernhill Outfitters Ltd', independent_third_party: false, issued: '2024-09-01', valid_until: null, covers: ['company'], file: 'climate-transition-plan-2024.txt' },
          { type: 'audit', title: 'GHG inventory 2025 with limited assurance', issuer: 'Bureau Veritas UK Ltd', independent_third_party: true, issued: '2026-03-15', valid_until: null, covers: ['company'], file: 'ghg-inventory-2025.txt' },
        ],
      },
    }],
  },
  {
    claim: {
      id: 'fh-carbon-neutral-delivery', title: 'Carbon neutral delivery',
      statement: 'Every Fernhill delivery is carbon neutral.',
      markets: ['EU', 'UK'], category: 'climate', scope: 'part', scope_detail: 'delivery', uses_offsets: true, owner: 'Logistics',
      evidence: [{ type: 'url', title: 'Courier offsetting programme', issuer: 'ParcelCo', independent_third_party: false, issued: null, valid_until: null, covers: ['delivery'], url: 'https://parcelco.example/green' }],
    },
    publishAt: '2025-05-12T09:00:00Z',
    override: 'Published before the EU rules apply (27 September 2026); to be reworded or withdrawn before then.',
  },
  {
    claim: {
      id: 'fh-dyeing-water', title: 'Halve the water used to dye our fabrics by 2027',
      statement: 'By 2027 our partner mill will use half the water it used in 2021 to dye each kilogram of fabric.',
      markets: ['EU', 'UK', 'US'], category: 'water', scope: 'part', scope_detail: 'fabric dyeing at our Porto partner mill', metric: 'water per kg of fabric dyed', unit: 'L/kg',
      baseline: { value: 120, year: 2021 }, target: { value: 60, year: 2027 }, current_value: 84, current_as_of: '2025-12-31', uses_offsets: false, owner: 'Supply chain',
      evidence: [
        { type: 'audit', title: 'Dye house water audit 2025', issuer: 'Bureau Veritas Portugal', independent_third_party: true, issued: '2026-01-30', valid_until: null, covers: ['fabric dyeing'], file: 'water-audit-2025.txt' },
        { type: 'report', title: 'Water reduction roadmap 2025-2027', issuer: 'Fernhill Outfitters Ltd', independent_third_party: false, issued: '2025-03-01', valid_until: null, covers: ['fabric dyeing'], file: 'water-roadmap-2025.txt' },
      ],
    },
    publishAt: '2026-02-10T09:00:00Z',
  },
  {
    claim: {
      id: 'fh-renewable-shops', title: 'Our UK shops run on 100% renewable electricity',
      statement: 'All 14 of our UK shops and our Kendal warehouse run on 100% renewable electricity, backed by REGO certificates.',
      markets: ['UK'], category: 'renewable_energy', scope: 'part', scope_detail: 'UK shops and Kendal warehouse', metric: 'share of electricity from renewable sources', unit: '%',
      current_value: 100, current_as_of: '2025-12-31', uses_offsets: false, owner: 'Facilities',
      evidence: [{ type: 'certificate', title: 'REGO cancellation statement 2025', issuer: 'Good Energy Ltd', independent_third_party: true, issued: '2026-01-15', valid_until: '2026-12-31', covers: ['UK shops', 'Kendal warehouse'], file: 'rego-certificates-2025.txt' }],
    },
    publishAt: '2026-01-20T09:00:00Z',
  },
  {
    claim: {
      id: 'fh-pfc-free', title: 'Skiddaw jacket made without PFAS',
      statement: 'The Skiddaw waterproof jacket is made without PFAS (per- and polyfluoroalkyl substances) in its fabric, membrane or water-repellent finish.',
      markets: ['EU', 'UK', 'US'], category: 'free_of', scope: 'product', uses_offsets: false, owner: 'Materials team',
      evidence: [{ type: 'report', title: 'PFAS screening report', issuer: 'Hohenstein Laboratories GmbH', independent_third_party: true, issued: '2025-05-20', valid_until: null, covers: ['whole product'], file: 'pfc-free-lab-report-2025.txt' }],
    },
    publishAt: '2025-06-02T09:00:00Z',
  },
  {
    claim: {
      id: 'fh-repairs-10k', title: '10,000 repairs a year by 2026',
      statement: 'We will repair 10,000 garments and pairs of boots a year by 2026, so that our products last longer.',
      markets: ['EU', 'UK', 'US'], category: 'future_target', scope: 'company', metric: 'repairs completed per year', unit: 'repairs',
      baseline: { value: 2480, year: 2022 }, target: { value: 10000, year: 2026 }, current_value: 5150, current_as_of: '2024-12-31', uses_offsets: false, owner: 'Repairs team',
      evidence: [
        { type: 'report', title: 'Repairs expansion plan 2025-2026', issuer: 'Fernhill Outfitters Ltd', independent_third_party: false, issued: '2025-01-20', valid_until: null, covers: ['company'], file: 'repairs-plan-2025.txt' },
      ],
    },
    publishAt: '2025-02-14T09:00:00Z',
    override: 'Repair counts come from our own workshop records; an external audit is planned for 2026.',
    updates: [{
      at: '2026-01-12T09:00:00Z',
      change: {
        current_value: 6210, current_as_of: '2025-12-31',
        evidence: [
          { type: 'report', title: 'Repairs expansion plan 2025-2026', issuer: 'Fernhill Outfitters Ltd', independent_third_party: false, issued: '2025-01-20', valid_until: null, covers: ['company'], file: 'repairs-plan-2025.txt' },
          { type: 'dataset', title: 'Repairs completed per year', issuer: 'Fernhill Outfitters Ltd', independent_third_party: false, issued: '2026-01-10', valid_until: null, covers: ['company'], file: 'repairs-dataset-2025.csv' },
        ],
      },
      override: 'Repair counts come from our own workshop records; an external audit is planned for 2026.',
    }],
  },
  {
    claim: {
      id: 'fh-recyclable-mailers', title: 'Recyclable paper mailers',
      statement: 'Our paper mailer bags can be recycled with household paper and card in the UK.',
      markets: ['UK'], category: 'recyclability', scope: 'part', scope_detail: 'mailer bag', uses_offsets: false, owner: 'Packaging team',
      evidence: [{ type: 'report', title: 'Mailer recyclability note', issuer: 'Fernhill Outfitters Ltd', independent_third_party: false, issued: '2025-08-01', valid_until: null, covers: ['mailer bag'], file: 'mailer-recyclability-note.txt' }],
    },
    publishAt: '2025-08-15T09:00:00Z',
  },
  {
    claim: {
      id: 'fh-responsible-down', title: 'Responsibly sourced down in the Helvellyn parka',
      statement: 'The down in our Helvellyn parka is certified to the Responsible Down Standard.',
      markets: ['EU', 'UK', 'US'], category: 'label', scope: 'part', scope_detail: 'down fill', label: 'Responsible Down Standard', uses_offsets: false, owner: 'Materials team',
      evidence: [{ type: 'certificate', title: 'RDS transaction certificate', issuer: 'Control Union Certifications B.V.', independent_third_party: true, issued: '2023-03-01', valid_until: '2025-02-28', covers: ['down fill'], file: 'rds-certificate-2023.txt' }],
    },
    publishAt: '2025-01-20T09:00:00Z',
    updates: [{
      at: '2025-03-10T09:00:00Z',
      change: { evidence: [{ type: 'certificate', title: 'RDS transaction certificate (renewal)', issuer: 'Control Union Certifications B.V.', independent_third_party: true, issued: '2025-03-01', valid_until: '2027-02-28', covers: ['down fill'], file: 'rds-certificate-2025.txt' }] },
    }],
  },
  {
    claim: {
      id: 'fh-packaging-plastic', title: 'Cut plastic in our packaging by 80% by 2025',
      statement: 'By the end of 2025 we will use 80% less plastic in our packaging than in 2020.',
      markets: ['EU', 'UK', 'US'], category: 'future_target', scope: 'company', metric: 'packaging plastic per order', unit: 'g',
      baseline: { value: 42, year: 2020 }, target: { value: 8.4, year: 2025 }, current_value: 22.6, current_as_of: '2024-12-31', uses_offsets: false, owner: 'Packaging team',
      evidence: [{ type: 'url', title: 'Packaging report 2024', issuer: 'Fernhill Outfitters Ltd', independent_third_party: false, issued: '2025-02-03', valid_until: null, covers: ['company'], url: 'https://www.fernhill.example/reports/packaging-2024' }],
    },
    publishAt: '2025-02-20T09:00:00Z',
    override: 'Figures from our own packaging records.',
    // The 2025 figure is published once it exists: a revision never shows a value dated after it.
    updates: [{
      at: '2026-02-05T09:00:00Z',
      change: {
        current_value: 13.1, current_as_of: '2025-12-31',
        evidence: [{ type: 'url', title: 'Packaging report 2025', issuer: 'Fernhill Outfitters Ltd', independent_third_party: false, issued: '2026-02-01', valid_until: null, covers: ['company'], url: 'https://www.fernhill.example/reports/packaging-2025' }],
      },
      override: 'Figures from our own packaging records.',
    }],
  },
  {
    claim: {
      id: 'fh-organic-cotton-tees', title: 'Organic cotton T-shirts',
      statement: 'All our T-shirts are made from certified organic cotton.',
      markets: ['EU', 'UK'], category: 'renewable_material', scope: 'product', uses_offsets: false, owner: 'Materials team',
      evidence: [{ type: 'certificate', title: 'GOTS certificate', issuer: 'Soil Association Certification', independent_third_party: true, issued: '2024-01-15', valid_until: '2025-01-14', covers: ['whole product'], url: 'https://www.fernhill.example/certificates/gots-2024' }],
    },
    publishAt: '2024-02-01T09:00:00Z',
    retireAt: '2025-03-01T09:00:00Z',
  },
  {
    claim: {
      id: 'fh-eco-friendly-range', title: 'Eco-friendly outdoor range',
      statement: 'Our whole outdoor range is eco-friendly and kind to the planet.',
      markets: ['EU', 'UK'], category: 'generic', scope: 'company', owner: 'Marketing',
      evidence: [],
    },
    publishAt: null,
  },
];

/** A fresh copy of the demo's claims (callers may change theirs). */
export function demoClaims(): ClaimPlan[] {
  return structuredClone(DEMO_CLAIMS) as ClaimPlan[];
}
