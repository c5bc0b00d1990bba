/** The 34 provinces and cities in operation since 1 Jul 2025, and the 63 names they replaced (REFERENCE.md §5). */
export interface Province {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: 'province' | 'city';
}

export interface LegacyProvince {
  nameVi: string;
  nameAscii: string;
  /** the current province it belongs to */
  provinceCode: string;
}

export const PROVINCES: Province[] = [
  { code: 'ha-noi', nameVi: 'Hà Nội', nameEn: 'Hanoi', kind: 'city' },
  { code: 'hue', nameVi: 'Huế', nameEn: 'Hue', kind: 'city' },
  { code: 'lai-chau', nameVi: 'Lai Châu', nameEn: 'Lai Chau', kind: 'province' },
  { code: 'dien-bien', nameVi: 'Điện Biên', nameEn: 'Dien Bien', kind: 'province' },
  { code: 'son-la', nameVi: 'Sơn La', nameEn: 'Son La', kind: 'province' },
  { code: 'lang-son', nameVi: 'Lạng Sơn', nameEn: 'Lang Son', kind: 'province' },
  { code: 'quang-ninh', nameVi: 'Quảng Ninh', nameEn: 'Quang Ninh', kind: 'province' },
  { code: 'thanh-hoa', nameVi: 'Thanh Hóa', nameEn: 'Thanh Hoa', kind: 'province' },
  { code: 'nghe-an', nameVi: 'Nghệ An', nameEn: 'Nghe An', kind: 'province' },
  { code: 'ha-tinh', nameVi: 'Hà Tĩnh', nameEn: 'Ha Tinh', kind: 'province' },
  { code: 'cao-bang', nameVi: 'Cao Bằng', nameEn: 'Cao Bang', kind: 'province' },
  { code: 'tuyen-quang', nameVi: 'Tuyên Quang', nameEn: 'Tuyen Quang', kind: 'province' },
  { code: 'lao-cai', nameVi: 'Lào Cai', nameEn: 'Lao Cai', kind: 'province' },
  { code: 'thai-nguyen', nameVi: 'Thái Nguyên', nameEn: 'Thai Nguyen', kind: 'province' },
  { code: 'phu-tho', nameVi: 'Phú Thọ', nameEn: 'Phu Tho', kind: 'province' },
  { code: 'bac-ninh', nameVi: 'Bắc Ninh', nameEn: 'Bac Ninh', kind: 'province' },
  { code: 'hung-yen', nameVi: 'Hưng Yên', nameEn: 'Hung Yen', kind: 'province' },
  { code: 'hai-phong', nameVi: 'Hải Phòng', nameEn: 'Hai Phong', kind: 'city' },
  { code: 'ninh-binh', nameVi: 'Ninh Bình', nameEn: 'Ninh Binh', kind: 'province' },
  { code: 'quang-tri', nameVi: 'Quảng Trị', nameEn: 'Quang Tri', kind: 'province' },
  { code: 'da-nang', nameVi: 'Đà Nẵng', nameEn: 'Da Nang', kind: 'city' },
  { code: 'quang-ngai', nameVi: 'Quảng Ngãi', nameEn: 'Quang Ngai', kind: 'province' },
  { code: 'gia-lai', nameVi: 'Gia Lai', nameEn: 'Gia Lai', kind: 'province' },
  { code: 'khanh-hoa', nameVi: 'Khánh Hòa', nameEn: 'Khanh Hoa', kind: 'province' },
  { code: 'lam-dong', nameVi: 'Lâm Đồng', nameEn: 'Lam Dong', kind: 'province' },
  { code: 'dak-lak', nameVi: 'Đắk Lắk', nameEn: 'Dak Lak', kind: 'province' },
  { code: 'ho-chi-minh', nameVi: 'TP. Hồ Chí Minh', nameEn: 'Ho Chi Minh City', kind: 'city' },
  { code: 'dong-nai', nameVi: 'Đồng Nai', nameEn: 'Dong Nai', kind: 'province' },
  { code: 'tay-ninh', nameVi: 'Tây Ninh', nameEn: 'Tay Ninh', kind: 'province' },
  { code: 'can-tho', nameVi: 'Cần Thơ', nameEn: 'Can Tho', kind: 'city' },
  { code: 'vinh-long', nameVi: 'Vĩnh Long', nameEn: 'Vinh Long', kind: 'province' },
  { code: 'dong-thap', nameVi: 'Đồng Tháp', nameEn: 'Dong Thap', kind: 'province' },
  { code: 'ca-mau', nameVi: 'Cà Mau', nameEn: 'Ca Mau', kind: 'province' },
  { code: 'an-giang', nameVi: 'An Giang', nameEn: 'An Giang', kind: 'province' },
];

export const LEGACY_PROVINCES: LegacyProvince[] = [
  { nameVi: 'Hà Nội', nameAscii: 'Ha Noi', provinceCode: 'ha-noi' },
  { nameVi: 'Thừa Thiên Huế', nameAscii: 'Thua Thien Hue', provinceCode: 'hue' },
  { nameVi: 'Lai Châu', nameAscii: 'Lai Chau', provinceCode: 'lai-chau' },
  { nameVi: 'Điện Biên', nameAscii: 'Dien Bien', provinceCode: 'dien-bien' },
  { nameVi: 'Sơn La', nameAscii: 'Son La', provinceCode: 'son-la' },
  { nameVi: 'Lạng Sơn', nameAscii: 'Lang Son', provinceCode: 'lang-son' },
  { nameVi: 'Quảng Ninh', nameAscii: 'Quang Ninh', provinceCode: 'quang-ninh' },
  { nameVi: 'Thanh Hóa', nameAscii: 'Thanh Hoa', provinceCode: 'thanh-hoa' },
  { nameVi: 'Nghệ An', nameAscii: 'Nghe An', provinceCode: 'nghe-an' },
  { nameVi: 'Hà Tĩnh', nameAscii: 'Ha Tinh', provinceCode: 'ha-tinh' },
  { nameVi: 'Cao Bằng', nameAscii: 'Cao Bang', provinceCode: 'cao-bang' },
  { nameVi: 'Tuyên Quang', nameAscii: 'Tuyen Quang', provinceCode: 'tuyen-quang' },
  { nameVi: 'Hà Giang', nameAscii: 'Ha Giang', provinceCode: 'tuyen-quang' },
  { nameVi: 'Lào Cai', nameAscii: 'Lao Cai', provinceCode: 'lao-cai' },
  { nameVi: 'Yên Bái', nameAscii: 'Yen Bai', provinceCode: 'lao-cai' },
  { nameVi: 'Thái Nguyên', nameAscii: 'Thai Nguyen', provinceCode: 'thai-nguyen' },
  { nameVi: 'Bắc Kạn', nameAscii: 'Bac Kan', provinceCode: 'thai-nguyen' },
  { nameVi: 'Phú Thọ', nameAscii: 'Phu Tho', provinceCode: 'phu-tho' },
  { nameVi: 'Vĩnh Phúc', nameAscii: 'Vinh Phuc', provinceCode: 'phu-tho' },
  { nameVi: 'Hòa Bình', nameAscii: 'Hoa Binh', provinceCode: 'phu-tho' },
  { nameVi: 'Bắc Ninh', nameAscii: 'Bac Ninh', provinceCode: 'bac-ninh' },
  { nameVi: 'Bắc Giang', nameAscii: 'Bac Giang', provinceCode: 'bac-ninh' },
  { nameVi: 'Hưng Yên', nameAscii: 'Hung Yen', provinceCode: 'hung-yen' },
  { nameVi: 'Thái Bình', nameAscii: 'Thai Binh', provinceCode: 'hung-yen' },
  { nameVi: 'Hải Phòng', nameAscii: 'Hai Phong', provinceCode: 'hai-phong' },
  { nameVi: 'Hải Dương', nameAscii: 'Hai Duong', provinceCode: 'hai-phong' },
  { nameVi: 'Ninh Bình', nameAscii: 'Ninh Binh', provinceCode: 'ninh-binh' },
  { nameVi: 'Hà Nam', nameAscii: 'Ha Nam', provinceCode: 'ninh-binh' },
  { nameVi: 'Nam Định', nameAscii: 'Nam Dinh', provinceCode: 'ninh-binh' },
  { nameVi: 'Quảng Trị', nameAscii: 'Quang Tri', provinceCode: 'quang-tri' },
  { nameVi: 'Quảng Bình', nameAscii: 'Quang Binh', provinceCode: 'quang-tri' },
  { nameVi: 'Đà Nẵng', nameAscii: 'Da Nang', provinceCode: 'da-nang' },
  { nameVi: 'Quảng Nam', nameAscii: 'Quang Nam', provinceCode: 'da-nang' },
  { nameVi: 'Quảng Ngãi', nameAscii: 'Quang Ngai', provinceCode: 'quang-ngai' },
  { nameVi: 'Kon Tum', nameAscii: 'Kon Tum', provinceCode: 'quang-ngai' },
  { nameVi: 'Gia Lai', nameAscii: 'Gia Lai', provinceCode: 'gia-lai' },
  { nameVi: 'Bình Định', nameAscii: 'Binh Dinh', provinceCode: 'gia-lai' },
  { nameVi: 'Khánh Hòa', nameAscii: 'Khanh Hoa', provinceCode: 'khanh-hoa' },
  { nameVi: 'Ninh Thuận', nameAscii: 'Ninh Thuan', provinceCode: 'khanh-hoa' },
  { nameVi: 'Lâm Đồng', nameAscii: 'Lam Dong', provinceCode: 'lam-dong' },
  { nameVi: 'Đắk Nông', nameAscii: 'Dak Nong', provinceCode: 'lam-dong' },
  { nameVi: 'Bình Thuận', nameAscii: 'Binh Thuan', provinceCode: 'lam-dong' },
  { nameVi: 'Đắk Lắk', nameAscii: 'Dak Lak', provinceCode: 'dak-lak' },
  { nameVi: 'Phú Yên', nameAscii: 'Phu Yen', provinceCode: 'dak-lak' },
  { nameVi: 'TP. Hồ Chí Minh', nameAscii: 'TP. Ho Chi Minh', provinceCode: 'ho-chi-minh' },
  { nameVi: 'Bình Dương', nameAscii: 'Binh Duong', provinceCode: 'ho-chi-minh' },
  { nameVi: 'Bà Rịa – Vũng Tàu', nameAscii: 'Ba Ria – Vung Tau', provinceCode: 'ho-chi-minh' },
  { nameVi: 'Đồng Nai', nameAscii: 'Dong Nai', provinceCode: 'dong-nai' },
  { nameVi: 'Bình Phước', nameAscii: 'Binh Phuoc', provinceCode: 'dong-nai' },
  { nameVi: 'Tây Ninh', nameAscii: 'Tay Ninh', provinceCode: 'tay-ninh' },
  { nameVi: 'Long An', nameAscii: 'Long An', provinceCode: 'tay-ninh' },
  { nameVi: 'Cần Thơ', nameAscii: 'Can Tho', provinceCode: 'can-tho' },
  { nameVi: 'Sóc Trăng', nameAscii: 'Soc Trang', provinceCode: 'can-tho' },
  { nameVi: 'Hậu Giang', nameAscii: 'Hau Giang', provinceCode: 'can-tho' },
  { nameVi: 'Vĩnh Long', nameAscii: 'Vinh Long', provinceCode: 'vinh-long' },
  { nameVi: 'Bến Tre', nameAscii: 'Ben Tre', provinceCode: 'vinh-long' },
  { nameVi: 'Trà Vinh', nameAscii: 'Tra Vinh', provinceCode: 'vinh-long' },
  { nameVi: 'Đồng Tháp', nameAscii: 'Dong Thap', provinceCode: 'dong-thap' },
  { nameVi: 'Tiền Giang', nameAscii: 'Tien Giang', provinceCode: 'dong-thap' },
  { nameVi: 'Cà Mau', nameAscii: 'Ca Mau', provinceCode: 'ca-mau' },
  { nameVi: 'Bạc Liêu', nameAscii: 'Bac Lieu', provinceCode: 'ca-mau' },
  { nameVi: 'An Giang', nameAscii: 'An Giang', provinceCode: 'an-giang' },
  { nameVi: 'Kiên Giang', nameAscii: 'Kien Giang', provinceCode: 'an-giang' },
];

export const PROVINCE_CODES = PROVINCES.map((p) => p.code);

/** The current province for a legacy (pre-2025) province name, in Vietnamese or ASCII. */
export function provinceForLegacyName(name: string): Province | undefined {
  const wanted = name.trim().toLowerCase();
  const legacy = LEGACY_PROVINCES.find(
    (l) => l.nameVi.toLowerCase() === wanted || l.nameAscii.toLowerCase() === wanted,
  );
  return legacy && PROVINCES.find((p) => p.code === legacy.provinceCode);
}
