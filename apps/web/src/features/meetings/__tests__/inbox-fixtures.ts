import type { Me } from '@craftmatch/shared';

/** The exhibitor who reads the inbox in these tests. */
export const me: Me = {
  id: 'u-ex',
  email: 'battrang@craftmatch.example',
  fullName: 'Lê Văn Minh',
  locale: 'en',
  role: 'exhibitor',
  emailVerified: true,
  company: {
    id: 'c-ex',
    name: 'Gốm sứ Bát Tràng Minh Phúc',
    kind: 'exhibitor',
    status: 'approved',
    statusReason: null,
    membershipRole: 'owner',
  },
};
