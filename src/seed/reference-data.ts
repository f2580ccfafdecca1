/**
 * Reference data of the demo: subject fields, units and sections. Units named by Decision
 * 400/QĐ-BKHCN come first (ministry office, planning and finance, personnel, IT centre,
 * communications centre); the others are further units of the ministry.
 */
export interface Bilingual {
  vi: string;
  en: string;
}

export const SUBJECT_FIELDS: { code: string; name: Bilingual }[] = [
  { code: 'st-management', name: { vi: 'Quản lý khoa học và công nghệ', en: 'Science and technology management' } },
  { code: 'innovation', name: { vi: 'Đổi mới sáng tạo và khởi nghiệp', en: 'Innovation and start-ups' } },
  { code: 'intellectual-property', name: { vi: 'Sở hữu trí tuệ', en: 'Intellectual property' } },
  { code: 'standards-metrology-quality', name: { vi: 'Tiêu chuẩn, đo lường, chất lượng', en: 'Standards, metrology and quality' } },
  { code: 'atomic-energy', name: { vi: 'Năng lượng nguyên tử, an toàn bức xạ và hạt nhân', en: 'Atomic energy, radiation and nuclear safety' } },
  { code: 'digital-transformation', name: { vi: 'Chuyển đổi số', en: 'Digital transformation' } },
  { code: 'international-cooperation', name: { vi: 'Hợp tác quốc tế', en: 'International cooperation' } },
  { code: 'administrative-reform', name: { vi: 'Cải cách hành chính', en: 'Administrative reform' } },
];

export interface UnitSeed {
  abbreviation: string;
  kind: string;
  name: Bilingual;
  address: Bilingual;
  subjectFields: string[];
  email?: string;
  phone?: string;
}

const MINISTRY_ADDRESS: Bilingual = {
  vi: '113 Trần Duy Hưng, phường Yên Hòa, Hà Nội',
  en: '113 Tran Duy Hung Street, Yen Hoa Ward, Ha Noi',
};

export const UNITS: UnitSeed[] = [
  { abbreviation: 'VP', kind: 'ministry_office', name: { vi: 'Văn phòng Bộ', en: 'Ministry Office' }, address: MINISTRY_ADDRESS, subjectFields: ['administrative-reform'] },
  { abbreviation: 'KHTC', kind: 'department', name: { vi: 'Vụ Kế hoạch - Tài chính', en: 'Department of Planning and Finance' }, address: MINISTRY_ADDRESS, subjectFields: ['st-management'] },
  { abbreviation: 'TCCB', kind: 'department', name: { vi: 'Vụ Tổ chức cán bộ', en: 'Department of Personnel and Organisation' }, address: MINISTRY_ADDRESS, subjectFields: ['administrative-reform'] },
  { abbreviation: 'TTCNTT', kind: 'centre', name: { vi: 'Trung tâm Công nghệ thông tin', en: 'Information Technology Centre' }, address: MINISTRY_ADDRESS, subjectFields: ['digital-transformation'], email: 'vb@most.gov.vn' },
  {
    abbreviation: 'TTTT',
    kind: 'centre',
    name: { vi: 'Trung tâm Nghiên cứu và Phát triển truyền thông khoa học và công nghệ', en: 'Centre for Science and Technology Communication Research and Development' },
    address: MINISTRY_ADDRESS,
    subjectFields: ['innovation', 'digital-transformation'],
    email: 'stc@most.gov.vn',
  },
  { abbreviation: 'PC', kind: 'department', name: { vi: 'Vụ Pháp chế', en: 'Department of Legal Affairs' }, address: MINISTRY_ADDRESS, subjectFields: ['administrative-reform'] },
  { abbreviation: 'HTQT', kind: 'department', name: { vi: 'Vụ Hợp tác quốc tế', en: 'Department of International Cooperation' }, address: MINISTRY_ADDRESS, subjectFields: ['international-cooperation'] },
  { abbreviation: 'SHTT', kind: 'agency', name: { vi: 'Cục Sở hữu trí tuệ', en: 'Intellectual Property Office of Viet Nam' }, address: { vi: '384-386 Nguyễn Trãi, Hà Nội', en: '384-386 Nguyen Trai Street, Ha Noi' }, subjectFields: ['intellectual-property'] },
  { abbreviation: 'ATBXHN', kind: 'agency', name: { vi: 'Cục An toàn bức xạ và hạt nhân', en: 'Viet Nam Agency for Radiation and Nuclear Safety' }, address: MINISTRY_ADDRESS, subjectFields: ['atomic-energy'] },
];

export const SECTIONS: { key: string; kind: 'section' | 'special_page'; name: Bilingual }[] = [
  { key: 'news', kind: 'section', name: { vi: 'Tin tức - Sự kiện', en: 'News and events' } },
  { key: 'documents', kind: 'section', name: { vi: 'Văn bản', en: 'Documents' } },
  { key: 'introduction', kind: 'section', name: { vi: 'Giới thiệu', en: 'About the ministry' } },
  { key: 'consultation', kind: 'section', name: { vi: 'Lấy ý kiến dự thảo', en: 'Public consultation' } },
  { key: 'digital-transformation', kind: 'special_page', name: { vi: 'Chuyển đổi số', en: 'Digital transformation' } },
];
