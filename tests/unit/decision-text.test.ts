import fs from 'node:fs';
import path from 'node:path';
import { reflowOfficialText } from '../../src/seed/decision-text';

const source = fs.readFileSync(path.resolve(__dirname, '..', '..', 'database', 'seed', 'decision-400-QD-BKHCN-2024.vi.txt'), 'utf8');
const text = reflowOfficialText(source);
const blocks = text.split('\n\n');

test('chapters become level-2 headings', () => {
  expect(blocks.filter((block) => block.startsWith('## Chương '))).toEqual([
    '## Chương I NHỮNG QUY ĐỊNH CHUNG',
    expect.stringMatching(/^## Chương II /),
    expect.stringMatching(/^## Chương III /),
    expect.stringMatching(/^## Chương IV /),
    '## Chương V TỔ CHỨC THỰC HIỆN',
  ]);
});

test('a chapter named mid-sentence stays in its paragraph', () => {
  expect(text).toContain('khoản d), Mục 2, Điều 10, Chương III của Quy chế.');
});

test('broken lines are joined into one paragraph', () => {
  expect(blocks).toContain(
    '1. Quy chế này quy định về việc quản lý, cung cấp thông tin trên Cổng thông tin điện tử Bộ Khoa học và Công nghệ có địa chỉ truy cập trên mạng Internet là https://www.most.gov.vn (sau đây gọi là Cổng thông tin).'
  );
});

test('article titles become level-3 headings', () => {
  expect(blocks).toContain('### Điều 17. Chế độ báo cáo');
});

test('an article with its text inline keeps a bold label', () => {
  expect(blocks.some((block) => block.startsWith('**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày ký'))).toBe(true);
});

test('output is NFC', () => {
  expect(text).toBe(text.normalize('NFC'));
});
