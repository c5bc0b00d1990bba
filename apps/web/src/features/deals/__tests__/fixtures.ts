import type { ContractDetail, Me } from '@craftmatch/shared';

/** The buyer who reads contracts in these tests. */
export const buyer: Me = {
  id: 'u-anna',
  email: 'anna@nordhaus.example',
  fullName: 'Anna Schneider',
  locale: 'en',
  role: 'buyer',
  emailVerified: true,
  company: {
    id: 'c-buy',
    name: 'Nordhaus Interiors GmbH',
    kind: 'buyer',
    status: 'approved',
    statusReason: null,
    membershipRole: 'owner',
  },
};

/** Declared by the exhibitor: the buyer is the one to confirm or dispute it. */
export const declared: ContractDetail = {
  id: 'k1',
  fairId: 'f1',
  meetingId: 'm1',
  exhibitorCompanyId: 'c-ex',
  exhibitorName: 'Gốm sứ Bát Tràng Minh Phúc',
  buyerCompanyId: 'c-buy',
  buyerName: 'Nordhaus Interiors GmbH',
  number: 'BT-2030-017',
  signedOn: '2030-03-11',
  kind: 'contract',
  currency: 'EUR',
  status: 'declared',
  declaredByCompanyId: 'c-ex',
  total: '12345.68',
  fxRate: '1.08000000',
  fxDate: '2030-03-01',
  totalUsd: '13333.33',
  createdAt: '2030-03-11T03:00:00.000Z',
  updatedAt: '2030-03-11T03:00:00.000Z',
  confirmedAt: null,
  incoterm: 'FOB',
  incotermPlace: 'Hai Phong',
  paymentTerms: 'tt',
  depositPercent: '30.00',
  notes: null,
  attachmentFileId: null,
  disputeReason: null,
  cancelReason: null,
  lines: [
    {
      position: 1,
      productId: null,
      description: 'Celadon vase, 30 cm',
      quantity: '1000.0000',
      unit: 'pcs',
      unitPrice: '12.3457',
      lineTotal: '12345.70',
    },
  ],
};
