/** Product categories of Vietnamese handicraft, with their usual HS 2022 headings (REFERENCE.md §2). */
export interface CraftCategory {
  code: CategoryCode;
  nameVi: string;
  nameEn: string;
  /** usual 4-digit HS headings; codes depend on the base material, so a broker confirms */
  hsHeadings: string[];
}

export const CATEGORY_CODES = [
  'CER',
  'LAC',
  'BAS',
  'WOD',
  'FUR',
  'TEX',
  'HAT',
  'PAP',
  'HRN',
  'MOP',
  'STN',
  'JWL',
  'MET',
  'INC',
  'TOY',
  'DEC',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export const CATEGORIES: CraftCategory[] = [
  {
    code: 'CER',
    nameVi: 'Gốm sứ',
    nameEn: 'Ceramics & porcelain',
    hsHeadings: ['6911', '6912', '6913', '6914'],
  },
  { code: 'LAC', nameVi: 'Sơn mài', nameEn: 'Lacquerware', hsHeadings: ['4420', '4602', '6913', '9701'] },
  {
    code: 'BAS',
    nameVi: 'Mây tre đan, cói, lục bình, cỏ biển',
    nameEn: 'Rattan, bamboo, sedge, water hyacinth & seagrass basketry',
    hsHeadings: ['4602', '4601'],
  },
  { code: 'WOD', nameVi: 'Gỗ mỹ nghệ', nameEn: 'Wood carving & ornaments', hsHeadings: ['4420', '4419'] },
  { code: 'FUR', nameVi: 'Đồ gỗ nội thất', nameEn: 'Furniture', hsHeadings: ['9403', '9401'] },
  {
    code: 'TEX',
    nameVi: 'Lụa, thêu ren, thảm',
    nameEn: 'Silk, embroidery & carpets',
    hsHeadings: ['5007', '5810', '6302', '6304', '6214', '5701', '5702', '5705'],
  },
  { code: 'HAT', nameVi: 'Nón lá', nameEn: 'Conical hats', hsHeadings: ['6504'] },
  {
    code: 'PAP',
    nameVi: 'Giấy dó, tranh dân gian',
    nameEn: 'Dó paper & folk prints',
    hsHeadings: ['4802', '4823', '4911'],
  },
  { code: 'HRN', nameVi: 'Sừng, xương', nameEn: 'Horn & bone', hsHeadings: ['9601'] },
  { code: 'MOP', nameVi: 'Khảm trai', nameEn: 'Mother-of-pearl inlay', hsHeadings: ['9601', '4420'] },
  { code: 'STN', nameVi: 'Đá mỹ nghệ', nameEn: 'Stone carving', hsHeadings: ['6802'] },
  {
    code: 'JWL',
    nameVi: 'Trang sức, bạc',
    nameEn: 'Jewellery & silverware',
    hsHeadings: ['7113', '7114', '7117'],
  },
  { code: 'MET', nameVi: 'Đồng mỹ nghệ', nameEn: 'Bronze & metal art', hsHeadings: ['8306'] },
  { code: 'INC', nameVi: 'Hương', nameEn: 'Incense', hsHeadings: ['3307'] },
  { code: 'TOY', nameVi: 'Đồ chơi dân gian', nameEn: 'Folk toys', hsHeadings: ['9503'] },
  { code: 'DEC', nameVi: 'Trang trí, quà tặng', nameEn: 'Home decor & gifts', hsHeadings: ['9405', '9505'] },
];
