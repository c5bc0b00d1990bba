import type { CategoryCode } from './categories';

/** Craft villages of REFERENCE.md §1: Hanoi's, then other provinces'. Districts were abolished on 1 Jul 2025. */
export interface CraftVillage {
  code: string;
  nameVi: string;
  nameAscii: string;
  /** district before 1 Jul 2025, when there was one */
  districtLegacy: string | null;
  provinceLegacy: string;
  provinceCode: string;
  craft: string;
  category: CategoryCode;
}

export const VILLAGES: CraftVillage[] = [
  { code: 'bat-trang', nameVi: 'Bát Tràng', nameAscii: 'Bat Trang', districtLegacy: 'Gia Lâm', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'ceramics', category: 'CER' },
  { code: 'kim-lan', nameVi: 'Kim Lan', nameAscii: 'Kim Lan', districtLegacy: 'Gia Lâm', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'pottery', category: 'CER' },
  { code: 'giang-cao', nameVi: 'Giang Cao', nameAscii: 'Giang Cao', districtLegacy: 'Gia Lâm', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'ceramics', category: 'CER' },
  { code: 'kieu-ky', nameVi: 'Kiêu Kỵ', nameAscii: 'Kieu Ky', districtLegacy: 'Gia Lâm', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'gold-leaf gilding', category: 'DEC' },
  { code: 'van-phuc', nameVi: 'Vạn Phúc', nameAscii: 'Van Phuc', districtLegacy: 'Hà Đông', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'silk', category: 'TEX' },
  { code: 'phu-vinh', nameVi: 'Phú Vinh (Phú Nghĩa)', nameAscii: 'Phu Vinh', districtLegacy: 'Chương Mỹ', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'rattan & bamboo', category: 'BAS' },
  { code: 'chuong', nameVi: 'Chuông (Phương Trung)', nameAscii: 'Chuong', districtLegacy: 'Thanh Oai', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'conical hats', category: 'HAT' },
  { code: 'son-dong', nameVi: 'Sơn Đồng', nameAscii: 'Son Dong', districtLegacy: 'Hoài Đức', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'wooden statues, worship items', category: 'WOD' },
  { code: 'ha-thai', nameVi: 'Hạ Thái (Duyên Thái)', nameAscii: 'Ha Thai', districtLegacy: 'Thường Tín', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'lacquer', category: 'LAC' },
  { code: 'quat-dong', nameVi: 'Quất Động', nameAscii: 'Quat Dong', districtLegacy: 'Thường Tín', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'embroidery', category: 'TEX' },
  { code: 'nhi-khe', nameVi: 'Nhị Khê', nameAscii: 'Nhi Khe', districtLegacy: 'Thường Tín', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'wood & horn turning', category: 'WOD' },
  { code: 'bang-so', nameVi: 'Bằng Sở (Ninh Sở)', nameAscii: 'Bang So', districtLegacy: 'Thường Tín', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'rattan weaving', category: 'BAS' },
  { code: 'thuy-ung', nameVi: 'Thụy Ứng', nameAscii: 'Thuy Ung', districtLegacy: 'Thường Tín', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'buffalo-horn goods', category: 'HRN' },
  { code: 'chuon-ngo', nameVi: 'Chuôn Ngọ (Chuyên Mỹ)', nameAscii: 'Chuon Ngo', districtLegacy: 'Phú Xuyên', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'mother-of-pearl inlay', category: 'MOP' },
  { code: 'boi-khe', nameVi: 'Bối Khê (Chuyên Mỹ)', nameAscii: 'Boi Khe', districtLegacy: 'Phú Xuyên', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'pearl inlay & lacquer', category: 'MOP' },
  { code: 'luu-thuong', nameVi: 'Lưu Thượng (Phú Túc)', nameAscii: 'Luu Thuong', districtLegacy: 'Phú Xuyên', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'sedge, rattan & bamboo', category: 'BAS' },
  { code: 'xuan-la', nameVi: 'Xuân La', nameAscii: 'Xuan La', districtLegacy: 'Phú Xuyên', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'tò he toys', category: 'TOY' },
  { code: 'quang-phu-cau', nameVi: 'Quảng Phú Cầu', nameAscii: 'Quang Phu Cau', districtLegacy: 'Ứng Hòa', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'incense', category: 'INC' },
  { code: 'chang-son', nameVi: 'Chàng Sơn', nameAscii: 'Chang Son', districtLegacy: 'Thạch Thất', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'fans, carpentry', category: 'WOD' },
  { code: 'huu-bang', nameVi: 'Hữu Bằng', nameAscii: 'Huu Bang', districtLegacy: 'Thạch Thất', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'wooden furniture', category: 'FUR' },
  { code: 'thach-xa', nameVi: 'Thạch Xá', nameAscii: 'Thach Xa', districtLegacy: 'Thạch Thất', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'bamboo dragonflies', category: 'TOY' },
  { code: 'phung-thuong', nameVi: 'Phùng Thượng', nameAscii: 'Phung Thuong', districtLegacy: 'Phúc Thọ', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'carpets', category: 'TEX' },
  { code: 'thiet-ung', nameVi: 'Thiết Úng (Vân Hà)', nameAscii: 'Thiet Ung', districtLegacy: 'Đông Anh', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'fine-art wood carving', category: 'WOD' },
  { code: 'dinh-cong', nameVi: 'Định Công', nameAscii: 'Dinh Cong', districtLegacy: 'Hoàng Mai', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'silver filigree', category: 'JWL' },
  { code: 'ngu-xa', nameVi: 'Ngũ Xã', nameAscii: 'Ngu Xa', districtLegacy: 'Ba Đình', provinceLegacy: 'Hà Nội', provinceCode: 'ha-noi', craft: 'bronze casting', category: 'MET' },
  { code: 'dong-ky', nameVi: 'Đồng Kỵ', nameAscii: 'Dong Ky', districtLegacy: null, provinceLegacy: 'Bắc Ninh', provinceCode: 'bac-ninh', craft: 'carved furniture', category: 'FUR' },
  { code: 'phu-lang', nameVi: 'Phù Lãng', nameAscii: 'Phu Lang', districtLegacy: null, provinceLegacy: 'Bắc Ninh', provinceCode: 'bac-ninh', craft: 'pottery', category: 'CER' },
  { code: 'dong-ho', nameVi: 'Đông Hồ', nameAscii: 'Dong Ho', districtLegacy: null, provinceLegacy: 'Bắc Ninh', provinceCode: 'bac-ninh', craft: 'woodblock prints on dó paper', category: 'PAP' },
  { code: 'minh-lang', nameVi: 'Minh Lãng', nameAscii: 'Minh Lang', districtLegacy: null, provinceLegacy: 'Thái Bình', provinceCode: 'hung-yen', craft: 'hand embroidery', category: 'TEX' },
  { code: 'hoi', nameVi: 'Hới', nameAscii: 'Hoi', districtLegacy: null, provinceLegacy: 'Thái Bình', provinceCode: 'hung-yen', craft: 'sedge mats', category: 'BAS' },
  { code: 'kim-son', nameVi: 'Kim Sơn', nameAscii: 'Kim Son', districtLegacy: null, provinceLegacy: 'Ninh Bình', provinceCode: 'ninh-binh', craft: 'sedge', category: 'BAS' },
  { code: 'van-lam', nameVi: 'Văn Lâm', nameAscii: 'Van Lam', districtLegacy: null, provinceLegacy: 'Ninh Bình', provinceCode: 'ninh-binh', craft: 'embroidery & lace', category: 'TEX' },
  { code: 'ninh-van', nameVi: 'Ninh Vân', nameAscii: 'Ninh Van', districtLegacy: null, provinceLegacy: 'Ninh Bình', provinceCode: 'ninh-binh', craft: 'stone carving', category: 'STN' },
  { code: 'la-xuyen', nameVi: 'La Xuyên', nameAscii: 'La Xuyen', districtLegacy: null, provinceLegacy: 'Nam Định', provinceCode: 'ninh-binh', craft: 'wood carving', category: 'WOD' },
  { code: 'chu-dau', nameVi: 'Chu Đậu', nameAscii: 'Chu Dau', districtLegacy: null, provinceLegacy: 'Hải Dương', provinceCode: 'hai-phong', craft: 'ceramics', category: 'CER' },
];

export const VILLAGE_CODES = VILLAGES.map((v) => v.code);
