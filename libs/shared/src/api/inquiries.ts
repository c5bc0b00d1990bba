import type { Page } from '../pagination';

export const INQUIRY_MESSAGE_MAX = 5000;
export const INQUIRY_STATUSES = ['new', 'answered', 'closed'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** POST /api/catalogue/products/:slug/inquiries, sent by anyone from a product page. */
export interface CreateInquiryRequest {
  name: string;
  company?: string;
  /** ISO 3166-1 alpha-2 */
  country?: string;
  email: string;
  message: string;
  /** the page's language (vi, en, ja, ko, zh, fr); the answer is e-mailed in it (vi, else en) */
  locale?: string;
}

export interface CreateInquiryResponse {
  id: string;
}

export interface InquirySummary {
  id: string;
  name: string;
  companyName: string | null;
  countryCode: string | null;
  email: string;
  excerpt: string;
  locale: string;
  status: InquiryStatus;
  product: { id: string; slug: string; nameVi: string; nameEn: string } | null;
  replyCount: number;
  createdAt: string;
}

export interface InquiryReply {
  id: string;
  message: string;
  invitedToRegister: boolean;
  authorName: string | null;
  createdAt: string;
}

export interface InquiryDetail extends Omit<InquirySummary, 'excerpt'> {
  message: string;
  replies: InquiryReply[];
}

export type InquiryPage = Page<InquirySummary>;

export interface InquiryListQuery {
  status?: InquiryStatus;
  page?: number;
  pageSize?: number;
}

/** POST /api/inquiries/:id/replies */
export interface ReplyInquiryRequest {
  message: string;
  /** add a link to register as a buyer, with the inquirer's e-mail filled in */
  inviteToRegister: boolean;
}
