import { foldToSlug, SLUG_PATTERN } from '../../src/utils/slug';

describe('foldToSlug', () => {
  test.each([
    ['Đường', 'duong'],
    ['ĐẠI HỌC Quốc gia Hà Nội', 'dai-hoc-quoc-gia-ha-noi'],
    ['Quyết định 400/QĐ-BKHCN', 'quyet-dinh-400-qd-bkhcn'],
    ['Ủy ban — Ưu tiên ơ ư', 'uy-ban-uu-tien-o-u'],
    ['Khoa học & Công nghệ', 'khoa-hoc-va-cong-nghe'],
    ['  Nhiều   khoảng trắng  ', 'nhieu-khoang-trang'],
  ])('%s gives %s', (input, expected) => {
    expect(foldToSlug(input)).toBe(expected);
  });

  test('NFD input folds like NFC', () => {
    expect(foldToSlug('Đổi mới sáng tạo'.normalize('NFD'))).toBe('doi-moi-sang-tao');
  });

  test('English locale reads & as and', () => {
    expect(foldToSlug('Science & Technology', 'en')).toBe('science-and-technology');
  });

  test('long titles are cut to 200 characters without a trailing hyphen', () => {
    const slug = foldToSlug('Quy chế quản lý thông tin '.repeat(20));
    expect(slug.length).toBeLessThanOrEqual(200);
    expect(slug.endsWith('-')).toBe(false);
    expect(SLUG_PATTERN.test(slug)).toBe(true);
  });
});
