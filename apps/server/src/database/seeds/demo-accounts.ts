import type { CompanyKind, Language, UserRole } from '@craftmatch/shared';

export interface DemoAccount {
  email: string;
  password: string;
  fullName: string;
  role: UserRole;
  locale: Language;
  company?: { name: string; kind: CompanyKind; countryCode: string; status: 'approved' | 'pending' };
}

/** Printed at start in demo mode. Never loaded in production. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'organizer@craftmatch.example',
    password: 'Organizer-2026!',
    fullName: 'Nguyễn Thu Hà',
    role: 'organizer',
    locale: 'vi',
  },
  {
    email: 'battrang@craftmatch.example',
    password: 'Exhibitor-2026!',
    fullName: 'Lê Văn Minh',
    role: 'exhibitor',
    locale: 'vi',
    company: { name: 'Gốm sứ Bát Tràng Minh Phúc', kind: 'exhibitor', countryCode: 'VN', status: 'approved' },
  },
  {
    email: 'phuvinh@craftmatch.example',
    password: 'Exhibitor-2026!',
    fullName: 'Trần Thị Lan',
    role: 'exhibitor',
    locale: 'vi',
    company: { name: 'HTX Mây tre đan Phú Vinh', kind: 'exhibitor', countryCode: 'VN', status: 'approved' },
  },
  {
    email: 'anna@nordhaus.example',
    password: 'Buyer-2026-Berlin!',
    fullName: 'Anna Schneider',
    role: 'buyer',
    locale: 'en',
    company: { name: 'Nordhaus Interiors GmbH', kind: 'buyer', countryCode: 'DE', status: 'approved' },
  },
  {
    email: 'kenji@sakura-living.example',
    password: 'Buyer-2026-Osaka!',
    fullName: 'Kenji Sato',
    role: 'buyer',
    locale: 'en',
    company: { name: 'Sakura Living Co., Ltd.', kind: 'buyer', countryCode: 'JP', status: 'approved' },
  },
];
